import type { SubgraphContext } from '@supervision/kit';
import type { CitySubgraphLoaders } from './subgraph';

export type CityContext = SubgraphContext<CitySubgraphLoaders>;
