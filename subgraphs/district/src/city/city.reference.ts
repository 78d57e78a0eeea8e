/**
 * The gateway sends the city's code, plus any fields this subgraph `@requires` (the street
 * totals behind `City.districtRanking`); the representation is passed on whole so that the
 * field resolvers see them. Nothing is looked up.
 */
export const cityReference = {
  City: {
    __resolveReference: (reference: { code: string }) => ({ ...reference }),
  },
};
