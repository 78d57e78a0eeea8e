import type { SubgraphContext } from '@supervision/kit';
import type { StreetSubgraphLoaders } from './subgraph';

export type StreetContext = SubgraphContext<StreetSubgraphLoaders>;
