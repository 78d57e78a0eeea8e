import type { SubgraphContext } from '@supervision/kit';
import type { DistrictLoaders } from './district/district.loaders';

export type DistrictContext = SubgraphContext<DistrictLoaders>;
