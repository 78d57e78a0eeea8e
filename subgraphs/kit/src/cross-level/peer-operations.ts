import type { BasisRecordConcept } from '../accountability/accountability.enums';
import { SNAPSHOT_FIELDS, type RecordChange } from '../accountability/basis-snapshot';
import { CITYWIDE_PEER_OPERATIONS } from '../citywide/citywide.operations';
import type { Level } from '../jurisdiction/admin-code';
import { levelFieldName, levelTypeName } from '../level/level-names';
import { callPeer } from '../peer/peer-client';
import type { SubgraphContext } from '../server/context';
import { TASK_COUNT_FIELDS, type TaskCounts } from '../statistics/task-counts';

/**
 * 跨级调用 Every GraphQL operation one level's subgraph sends to another's (`callPeer`), in one
 * place. Root fields carry the asked level's name (`cityDirective`, `recordDistrictSupervisionFindingReport`),
 * so each document is built for the level asked; `schema:check` builds every document for every
 * level in `asks` (with each `examples` shape) and validates it against that level's committed
 * SDL, so a renamed field or argument fails the check instead of a cross-level write.
 */
export interface PeerOperation<Data, Shape = void> {
  name: string;
  /** The levels this operation is sent to. */
  asks: readonly Level[];
  document(level: Level, shape: Shape): string;
  /** Shapes the schema check builds the document with, per level asked (the text may depend on the call). */
  examples(level: Level): readonly Shape[];
  /** Phantom: the answer's type, for `askPeer`. */
  readonly data?: Data;
}

function operation<Data, Shape = void>(op: Omit<PeerOperation<Data, Shape>, 'data'>): PeerOperation<Data, Shape> {
  return op;
}

export interface PeerFindingFacts {
  id: string;
  jurisdictionCode: string;
  unitId: string;
  unitJurisdictionCode: string;
}

/** A rectification report asks the level above to record it on its finding (and move the finding on). */
export const RECORD_FINDING_REPORT = operation<{ finding: PeerFindingFacts | null }>({
  name: 'recordFindingReport',
  asks: ['city', 'district'],
  document: (level) =>
    `mutation RecordFindingReport($findingId: ID!, $reportId: ID!) {
      finding: ${levelFieldName(level, 'SupervisionFindingReport', 'record')}(findingId: $findingId, reportId: $reportId) { id jurisdictionCode unitId unitJurisdictionCode }
    }`,
  examples: () => [undefined],
});

/**
 * Undoes a report's REPORTED step on the level above's finding when the report was never stored
 * (sent by the relay, as the reporting level's subgraph itself; idempotent, keyed by the report).
 */
export const WITHDRAW_FINDING_REPORT = operation<{ finding: { id: string; status: string } | null }>({
  name: 'withdrawFindingReport',
  asks: ['city', 'district'],
  document: (level) =>
    `mutation WithdrawFindingReport($findingId: ID!, $reportId: ID!) {
      finding: ${levelFieldName(level, 'SupervisionFindingReport', 'withdraw')}(findingId: $findingId, reportId: $reportId) { id status }
    }`,
  examples: () => [undefined],
});

/** The supervising level makes sure a rectification report exists before deciding on it. */
export const RECTIFICATION_REPORT = operation<{ report: { id: string; findingId: string } | null }>({
  name: 'rectificationReport',
  asks: ['district', 'street'],
  document: (level) => `query RectificationReport($id: ID!) { report: ${levelFieldName(level, 'RectificationReport')}(id: $id) { id findingId } }`,
  examples: () => [undefined],
});

/** Task counts of jurisdictions of the level below, one aliased field per jurisdiction (`j0`, `j1` …). */
export const TASK_COUNTS_BELOW = operation<Record<string, { code: string; taskStats: TaskCounts } | null>, { count: number }>({
  name: 'taskCountsBelow',
  asks: ['district', 'street'],
  document: (level, { count }) => {
    const indexes = Array.from({ length: count }, (_, index) => index);
    return `query TaskCountsBelow(${indexes.map((index) => `$c${index}: ID!`).join(', ')}) {
      ${indexes.map((index) => `j${index}: ${level}(code: $c${index}) { code taskStats { ${TASK_COUNT_FIELDS.join(' ')} } }`).join('\n      ')}
    }`;
  },
  examples: () => [{ count: 1 }, { count: 3 }],
});

export interface PeerDirective {
  id: string;
  issuerCode: string;
  title: string;
  requirements: string;
  deadline: string;
  targetCodes: string[];
}

/** A directive from the level above, read as the caller (answering or cascading it). */
export const ADDRESSED_DIRECTIVE = operation<{ directive: PeerDirective | null }>({
  name: 'addressedDirective',
  asks: ['city', 'district'],
  document: (level) =>
    `query AddressedDirective($id: ID!) { directive: ${levelFieldName(level, 'Directive')}(id: $id) { id issuerCode title requirements deadline targetCodes } }`,
  examples: () => [undefined],
});

export interface PeerHolder {
  id: string;
  jurisdictionCode: string;
  unitId?: string;
}

/** The unit and/or cadre held to account, when they belong to the level below. */
export const ACCOUNTABILITY_SUBJECT = operation<{ unit?: PeerHolder | null; cadre?: PeerHolder | null }, { unit: boolean; cadre: boolean }>({
  name: 'accountabilitySubject',
  asks: ['district', 'street'],
  document: (level, shape) => {
    const params = [shape.unit ? '$unitId: ID!' : '', shape.cadre ? '$cadreId: ID!' : ''].filter(Boolean).join(', ');
    const fields = [
      shape.unit ? `unit: ${levelFieldName(level, 'Unit')}(id: $unitId) { id jurisdictionCode }` : '',
      shape.cadre ? `cadre: ${levelFieldName(level, 'Cadre')}(id: $cadreId) { id jurisdictionCode unitId }` : '',
    ];
    return `query AccountabilitySubject(${params}) { ${fields.join(' ')} }`;
  },
  examples: () => [
    { unit: true, cadre: true },
    { unit: true, cadre: false },
    { unit: false, cadre: true },
  ],
});

export interface PeerBasisRecord {
  id: string;
  jurisdictionCode?: string;
  assessorCode?: string;
  dutyRecords?: { id: string }[];
  /** The record's audit trail, oldest first (entries the caller may read). */
  auditTrail?: PeerAuditEntry[];
  [snapshotField: string]: unknown;
}

/** An audit entry as a peer answers it: a `RecordChange` whose time arrives as JSON text. */
export type PeerAuditEntry = Omit<RecordChange, 'at'> & { at: string };

/**
 * What a citation keeps of a record of the level below, asked with the check itself: the
 * snapshot's fields (basis-snapshot.ts) and the record's audit trail, whose newest entry the
 * citation names and whose later entries the trace lists as changes since.
 */
function citedSelection(concept: BasisRecordConcept, extra = ''): string {
  const fields = new Set(['id', ...SNAPSHOT_FIELDS[concept]]);
  return `${[...fields].join(' ')} ${extra} auditTrail { seq at actorSubject actorCode action before after prevHash hash }`.replace(/\s+/g, ' ');
}

/** A record a case cites, at the level below: by its root query (`districtTask(id:)` …). */
export const BASIS_RECORD = operation<{ record: PeerBasisRecord | null }, { concept: BasisRecordConcept }>({
  name: 'basisRecord',
  asks: ['district', 'street'],
  document: (level, { concept }) => `query BasisRecord($id: ID!) { record: ${levelFieldName(level, concept)}(id: $id) { ${citedSelection(concept)} } }`,
  // Findings are kept only by the supervising levels (the district, when the city asks).
  examples: (level) =>
    (['ResponsibilityItem', 'Task', 'DutyRecord', 'RectificationReport', ...(level === 'street' ? [] : ['SupervisionFinding'])] as BasisRecordConcept[]).map((concept) => ({ concept })),
});

/** A task or responsibility item a MISSING_DUTY_RECORD basis cites, with its duty records. */
export const BASIS_TASK_OR_ITEM = operation<{ task: PeerBasisRecord | null; item: PeerBasisRecord | null }>({
  name: 'basisTaskOrItem',
  asks: ['district', 'street'],
  document: (level) =>
    `query BasisTaskOrItem($id: ID!) {
      task: ${levelFieldName(level, 'Task')}(id: $id) { ${citedSelection('Task', 'dutyRecords { id }')} }
      item: ${levelFieldName(level, 'ResponsibilityItem')}(id: $id) { ${citedSelection('ResponsibilityItem', 'dutyRecords { id }')} }
    }`,
  examples: () => [undefined],
});

/**
 * The item of the level above that a new or changed item names as the one it breaks down (分解),
 * read as the caller: responsibility lists are open to the jurisdictions below their owner.
 */
export const PARENT_RESPONSIBILITY_ITEM = operation<{ item: { id: string; jurisdictionCode: string; year: number } | null }>({
  name: 'parentResponsibilityItem',
  asks: ['city', 'district'],
  document: (level) => `query ParentResponsibilityItem($id: ID!) { item: ${levelFieldName(level, 'ResponsibilityItem')}(id: $id) { id jurisdictionCode year } }`,
  examples: () => [undefined],
});

/** A score sheet a case cites: sheets have no root query, so they are fetched as entities. */
export const BASIS_SCORE_SHEET = operation<{ _entities: (PeerBasisRecord | null)[] }>({
  name: 'basisScoreSheet',
  asks: ['district'],
  document: (level) =>
    `query BasisScoreSheet($r: [_Any!]!) { _entities(representations: $r) { ... on ${levelTypeName(level, 'AssessmentScoreSheet')} { ${citedSelection('AssessmentScoreSheet')} } } }`,
  examples: () => [undefined],
});

/** One operation as the schema check sees it: every document it may send to a level. */
export interface CheckedPeerOperation {
  name: string;
  asks: readonly Level[];
  documents(level: Level): string[];
}

function checked<Data, Shape>(op: PeerOperation<Data, Shape>): CheckedPeerOperation {
  return { name: op.name, asks: op.asks, documents: (level) => op.examples(level).map((shape) => op.document(level, shape)) };
}

/** Every operation, for the schema check. */
export const PEER_OPERATIONS: readonly CheckedPeerOperation[] = [
  checked(RECORD_FINDING_REPORT),
  checked(WITHDRAW_FINDING_REPORT),
  checked(RECTIFICATION_REPORT),
  checked(TASK_COUNTS_BELOW),
  checked(ADDRESSED_DIRECTIVE),
  checked(ACCOUNTABILITY_SUBJECT),
  checked(BASIS_RECORD),
  checked(BASIS_TASK_OR_ITEM),
  checked(BASIS_SCORE_SHEET),
  checked(PARENT_RESPONSIBILITY_ITEM),
  ...CITYWIDE_PEER_OPERATIONS,
];

/** Sends `op` to `level` as the caller (`callPeer`); `fieldNames` renames a refused variable to the client's field. */
export function askPeer<Data, Shape>(
  context: SubgraphContext<unknown>,
  op: PeerOperation<Data, Shape>,
  level: Level,
  shape: Shape,
  variables: Record<string, unknown>,
  fieldNames?: Record<string, string>,
): Promise<Data> {
  return callPeer<Data>(context, level, op.document(level, shape), variables, fieldNames);
}
