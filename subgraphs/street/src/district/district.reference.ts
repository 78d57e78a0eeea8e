/** The gateway sends only the district's code; nothing to look up before `streets` runs. */
export const districtReference = {
  District: {
    __resolveReference: (reference: { code: string }) => ({ code: reference.code }),
  },
};
