import type { CityContext } from '../context';

export const cityReference = {
  City: {
    __resolveReference: (reference: { code: string }, { loaders }: CityContext) =>
      loaders.jurisdictionByCode.load(reference.code),
  },
};
