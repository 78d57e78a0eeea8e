/** The gateway sends only the street's code; nothing to look up before the contributed fields run. */
export const streetReference = {
  Street: {
    __resolveReference: (reference: { code: string }) => ({ code: reference.code }),
  },
};
