import type { SubgraphContext } from '@supervision/kit';
import type { DistrictSubgraphLoaders } from './subgraph';

export type DistrictContext = SubgraphContext<DistrictSubgraphLoaders>;
