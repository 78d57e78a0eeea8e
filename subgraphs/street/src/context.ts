import type { SubgraphContext } from '@supervision/kit';
import type { StreetLoaders } from './street/street.loaders';

export type StreetContext = SubgraphContext<StreetLoaders>;
