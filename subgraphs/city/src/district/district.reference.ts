/** The gateway sends only the district's code; nothing to look up before the contributed fields run. */
export const districtReference = {
  District: {
    __resolveReference: (reference: { code: string }) => ({ code: reference.code }),
  },
};
