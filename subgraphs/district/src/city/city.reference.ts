/** The gateway sends only the city's code; nothing to look up before `districts` runs. */
export const cityReference = {
  City: {
    __resolveReference: (reference: { code: string }) => ({ code: reference.code }),
  },
};
