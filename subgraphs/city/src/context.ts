import type { SubgraphContext } from '@supervision/kit';
import type { CityLoaders } from './city/city.loaders';

export type CityContext = SubgraphContext<CityLoaders>;
