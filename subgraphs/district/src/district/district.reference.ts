import type { DistrictContext } from '../context';

export const districtReference = {
  District: {
    __resolveReference: (reference: { code: string }, { loaders }: DistrictContext) =>
      loaders.districtByCode.load(reference.code),
  },
};
