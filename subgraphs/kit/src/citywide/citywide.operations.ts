import type { Level } from '../jurisdiction/admin-code';
import type { CheckedPeerOperation, PeerOperation } from '../cross-level/peer-operations';

/** The names each level answers the merging subgraph by, literally: `grep districtCitywideKeys` lands here. */
const CITYWIDE_PEER_FIELDS = {
  city: { keys: 'cityCitywideKeys', figures: 'cityDistrictFigures', overdueDirectives: 'cityOverdueDirectiveKeys', completedAddressees: 'cityCompletedDirectiveAddressees' },
  district: { keys: 'districtCitywideKeys', figures: 'districtDistrictFigures', overdueDirectives: 'districtOverdueDirectiveKeys', completedAddressees: 'districtCompletedDirectiveAddressees' },
  street: { keys: 'streetCitywideKeys', figures: 'streetDistrictFigures', overdueDirectives: 'streetOverdueDirectiveKeys', completedAddressees: 'streetCompletedDirectiveAddressees' },
} as const satisfies Record<Level, Record<string, string>>;

export const citywidePeerFields = (level: Level) => CITYWIDE_PEER_FIELDS[level];

export type CitywidePeerField = keyof ReturnType<typeof citywidePeerFields>;

/** The levels each request goes to (the merging city runs its own share itself). */
const ASKS: Record<CitywidePeerField, readonly Level[]> = {
  keys: ['district', 'street'],
  figures: ['district', 'street'],
  overdueDirectives: ['district'],
  completedAddressees: ['district', 'street'],
};

/** 全市列表的跨级调用 One request of the merge to a level: a JSON request in, a JSON answer out. */
export function citywideOperation(field: CitywidePeerField): PeerOperation<{ answer: string }> {
  return {
    name: `citywide.${field}`,
    asks: ASKS[field],
    document: (level) => `query Citywide($request: String!) { answer: ${citywidePeerFields(level)[field]}(request: $request) }`,
    examples: () => [undefined],
  };
}

/** For the schema check: every document the merge sends, validated against each level's committed SDL. */
export const CITYWIDE_PEER_OPERATIONS: readonly CheckedPeerOperation[] = (Object.keys(ASKS) as CitywidePeerField[]).map((field) => {
  const op = citywideOperation(field);
  return { name: op.name, asks: op.asks, documents: (level: Level) => op.examples(level).map((shape) => op.document(level, shape)) };
});
