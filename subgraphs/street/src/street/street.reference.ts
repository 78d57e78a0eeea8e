import type { StreetContext } from '../context';

export const streetReference = {
  Street: {
    __resolveReference: (reference: { code: string }, { loaders }: StreetContext) =>
      loaders.jurisdictionByCode.load(reference.code),
  },
};
