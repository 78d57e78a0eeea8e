import type { DistrictContext } from '../context';

export const districtReference = {
  District: {
    __resolveReference: (reference: { code: string }, { loaders }: DistrictContext) =>
      loaders.jurisdictionByCode.load(reference.code),
  },
};
