/** The gateway sends only the city's code; nothing to look up before the street totals run. */
export const cityReference = {
  City: {
    __resolveReference: (reference: { code: string }) => ({ code: reference.code }),
  },
};
