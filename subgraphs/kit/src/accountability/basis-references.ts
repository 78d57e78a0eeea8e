import { levelBelow } from '../level/level-relations';
import { GraphQLError } from 'graphql';
import { canRead, type Principal } from '../auth/principal';
import { AssessmentSheetEntity } from '../assessment/assessment.entity';
import { DutyRecordEntity } from '../duty-record/duty-record.entity';
import type { DutyRecordLoaders } from '../duty-record/duty-record.loaders';
import { badUserInput, forbidden } from '../errors/graphql-errors';
import { UnreachableServiceError } from '../http/deadline-fetch';
import type { Level } from '../jurisdiction/admin-code';
import { levelTypeName, LEVEL_NAME_ZH } from '../level/level-names';
import { askPeer, BASIS_RECORD, BASIS_SCORE_SHEET, BASIS_TASK_OR_ITEM, type PeerBasisRecord, type PeerOperation } from '../cross-level/peer-operations';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { snapshotOf, type RecordChange, type RecordState } from './basis-snapshot';
import { ResponsibilityItemEntity } from '../responsibility/responsibility-item.entity';
import type { SubgraphContext } from '../server/context';
import { RectificationReportEntity, SupervisionFindingEntity } from '../supervision/supervision.entities';
import { TaskEntity } from '../task/task.entity';
import { assertUuid } from '../validation/assert-uuid';
import { AccountabilityBasisKind, CONCEPT_OF_KIND, type BasisRecordConcept } from './accountability.enums';
import type { AccountabilityBasisInput } from './accountability.inputs';
import { namedJurisdiction } from '../jurisdiction/divisions';

type Context = SubgraphContext<DutyRecordLoaders>;

const LEVEL_NAMES_ZH: Record<Level, string> = { city: '市级', district: '区级', street: '街道(乡镇)级' };

/** What a checked reference comes to: the record's concept and the jurisdiction that owns it. */
export interface BasisFacts {
  kind: AccountabilityBasisKind;
  level: Level;
  recordType: BasisRecordConcept;
  recordId: string;
  ownerCode: string;
  note: string | null;
  /** The record as its owning level answered when the reference was checked: kept with the citation. */
  state: RecordState;
}


/** Supervision and assessment are kept only by the levels that supervise and assess. */
const KEPT_BY: Partial<Record<AccountabilityBasisKind, Level[]>> = {
  SUPERVISION_FINDING: ['city', 'district'],
  ASSESSMENT_SCORE_SHEET: ['city', 'district'],
};

export interface Found {
  recordType: BasisRecordConcept;
  ownerCode: string;
  readable: boolean;
  /** Latest duty records naming the record (only asked for MISSING_DUTY_RECORD). */
  dutyRecordCount?: number;
  state: RecordState;
}

/**
 * Checks the references a case cites, when it cites them: each must name an existing record of
 * the deciding level or the level directly below that the caller may read. A record in this
 * level's database is looked up here; one in the level below is asked of that level's subgraph,
 * on the caller's behalf, through its own root query (`districtTask(id)` …), so the owner applies
 * its own read rule. References are checked concurrently and the first bad one (by position)
 * is reported, naming `<field>.<index>.id` (or `.level` / `.kind`).
 */
export async function checkBasisReferences(
  context: Context,
  principal: Principal,
  decidingLevel: Level,
  references: readonly AccountabilityBasisInput[],
  fieldOf: (index: number) => string,
): Promise<BasisFacts[]> {
  const settled = await Promise.allSettled(references.map((reference, index) => checkOne(context, principal, decidingLevel, reference, fieldOf(index))));
  const failure = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
  const facts = settled.map((result) => (result as PromiseFulfilledResult<BasisFacts>).value);
  facts.forEach((fact, index) => {
    const earlier = facts.findIndex((other) => other.kind === fact.kind && other.recordId === fact.recordId);
    if (earlier < index) throw badUserInput(`${fieldOf(index)}.id`, `与 ${fieldOf(earlier)} 援引同一记录 / cites the same record as ${fieldOf(earlier)}`);
  });
  return facts;
}

async function checkOne(context: Context, principal: Principal, decidingLevel: Level, reference: AccountabilityBasisInput, field: string): Promise<BasisFacts> {
  const id = assertUuid(reference.id, `${field}.id`);
  const level = reference.level as unknown as Level;
  if (level !== decidingLevel && level !== levelBelow(decidingLevel)) {
    throw badUserInput(`${field}.level`, `${LEVEL_NAME_ZH[decidingLevel]}案件只能援引本级或下一级的记录 / a ${decidingLevel} case cites records of the ${decidingLevel} level or the level directly below`);
  }
  const keptBy = KEPT_BY[reference.kind];
  if (keptBy && !keptBy.includes(level)) throw badUserInput(`${field}.kind`, `${LEVEL_NAME_ZH[level]}没有 ${reference.kind} 类记录 / the ${level} level keeps no ${reference.kind} records`);

  const found = await lookUpBasisRecord(context, principal, decidingLevel, level, reference.kind, id, field, true);
  if (!found) throw badUserInput(`${field}.id`, `${LEVEL_NAME_ZH[level]}没有 ${reference.kind} 记录 ${id} / no ${reference.kind} ${id} at the ${level} level`);
  if (!found.readable) throw forbiddenAt(field, `${namedJurisdiction(principal.code)} 无权查看 ${levelTypeName(level, found.recordType)} ${id} / ${namedJurisdiction(principal.code)} may not read the ${levelTypeName(level, found.recordType)} ${id}`);
  if (reference.kind === AccountabilityBasisKind.MISSING_DUTY_RECORD && found.dutyRecordCount! > 0) {
    throw badUserInput(`${field}.id`, `${levelTypeName(level, found.recordType)} ${id} 已有 ${found.dutyRecordCount} 条履职纪实，请以 DUTY_RECORD 援引 / ${levelTypeName(level, found.recordType)} ${id} has ${found.dutyRecordCount} duty record(s); cite them as DUTY_RECORD instead`);
  }
  return { kind: reference.kind, level, recordType: found.recordType, recordId: id, ownerCode: found.ownerCode, note: reference.note?.trim() ?? null, state: found.state };
}

/**
 * Reads one cited record where it lives, with what a citation keeps of it (its snapshot and
 * audit trail): when a case cites it, and again when the case is traced, so both moments are
 * read the same way.
 */
export function lookUpBasisRecord(
  context: Context,
  principal: Principal,
  decidingLevel: Level,
  level: Level,
  kind: AccountabilityBasisKind,
  id: string,
  field: string,
  /** Citing: a level that cannot be read refuses the reference (BAD_USER_INPUT); tracing: its error stands. */
  citing: boolean,
): Promise<Found | null> {
  return level === decidingLevel ? findLocal(context, principal, kind, id) : findAtPeer(context, principal, level, kind, id, field, citing);
}

/** The record's entries in this level's chain (those the caller may read), oldest first. */
async function localTrail(context: Context, principal: Principal, entityType: BasisRecordConcept, entityId: string): Promise<RecordChange[]> {
  const entries = await context.em.find(AuditEntryEntity, { entityType, entityId }, { orderBy: { seq: 'asc' } });
  return entries
    .filter((entry) => canRead(principal, entry.ownerCode))
    .map(({ seq, at, actorSubject, actorCode, action, before, after, prevHash, hash }) => ({ seq, at, actorSubject, actorCode, action, before, after, prevHash, hash }));
}

async function localState(context: Context, principal: Principal, concept: BasisRecordConcept, record: object & { id: string; recordId?: string }, extra?: Record<string, unknown>): Promise<RecordState> {
  // A duty record is audited per record, across its versions.
  const entityId = concept === 'DutyRecord' ? record.recordId! : record.id;
  return { snapshot: snapshotOf(concept, record, extra), trail: await localTrail(context, principal, concept, entityId) };
}

function peerState(concept: BasisRecordConcept, record: PeerBasisRecord, extra?: Record<string, unknown>): RecordState {
  return {
    snapshot: snapshotOf(concept, record, extra),
    trail: (record.auditTrail ?? []).map((entry) => ({ ...entry, at: new Date(entry.at) })),
  };
}

function forbiddenAt(field: string, message: string): GraphQLError {
  const error = forbidden(`${field}: ${message}`);
  return new GraphQLError(error.message, { extensions: { ...error.extensions, field } });
}

async function findLocal(context: Context, principal: Principal, kind: AccountabilityBasisKind, id: string): Promise<Found | null> {
  const { em } = context;
  const found = async (
    recordType: BasisRecordConcept,
    record: (object & { id: string; recordId?: string }) | null,
    ownerCode: (record: never) => string,
    readable: (record: never) => boolean,
  ): Promise<Found | null> =>
    record && {
      recordType,
      ownerCode: ownerCode(record as never),
      readable: readable(record as never),
      state: await localState(context, principal, recordType, record),
    };
  const plain = (recordType: BasisRecordConcept, record: { id: string; jurisdictionCode: string } | null) =>
    found(recordType, record, (r: { jurisdictionCode: string }) => r.jurisdictionCode, (r: { jurisdictionCode: string }) => canRead(principal, r.jurisdictionCode));
  switch (kind) {
    case AccountabilityBasisKind.RESPONSIBILITY_ITEM:
      return plain('ResponsibilityItem', await em.findOne(ResponsibilityItemEntity, { id }));
    case AccountabilityBasisKind.TASK:
      return plain('Task', await em.findOne(TaskEntity, { id }));
    case AccountabilityBasisKind.DUTY_RECORD:
      return plain('DutyRecord', await em.findOne(DutyRecordEntity, { id }));
    case AccountabilityBasisKind.SUPERVISION_FINDING:
      // The supervising side and the supervised side both read a finding.
      return found(
        'SupervisionFinding',
        await em.findOne(SupervisionFindingEntity, { id }),
        (finding: SupervisionFindingEntity) => finding.jurisdictionCode,
        (finding: SupervisionFindingEntity) => canRead(principal, finding.jurisdictionCode) || canRead(principal, finding.unitJurisdictionCode),
      );
    case AccountabilityBasisKind.RECTIFICATION_REPORT:
      return found(
        'RectificationReport',
        await em.findOne(RectificationReportEntity, { id }),
        (report: RectificationReportEntity) => report.jurisdictionCode,
        (report: RectificationReportEntity) => canRead(principal, report.jurisdictionCode) || canRead(principal, report.supervisingCode),
      );
    case AccountabilityBasisKind.ASSESSMENT_SCORE_SHEET:
      return found(
        'AssessmentScoreSheet',
        await em.findOne(AssessmentSheetEntity, { id }),
        (sheet: AssessmentSheetEntity) => sheet.assessorCode,
        (sheet: AssessmentSheetEntity) => canRead(principal, sheet.assessorCode),
      );
    case AccountabilityBasisKind.MISSING_DUTY_RECORD: {
      // The same loaders serve `DistrictTask.dutyRecords`, so the check and the trace agree.
      const task = await em.findOne(TaskEntity, { id });
      const item = task ? null : await em.findOne(ResponsibilityItemEntity, { id });
      const record = task ?? item;
      if (!record) return null;
      const recordType: BasisRecordConcept = task ? 'Task' : 'ResponsibilityItem';
      const dutyRecordCount = (await (task ? context.loaders.latestDutyRecordsByTask : context.loaders.latestDutyRecordsByResponsibilityItem).load(id)).length;
      return {
        recordType,
        ownerCode: record.jurisdictionCode,
        readable: canRead(principal, record.jurisdictionCode),
        dutyRecordCount,
        // The absence is the basis: the count of duty records is part of what was cited.
        state: await localState(context, principal, recordType, record, { dutyRecordCount }),
      };
    }
  }
}

/**
 * Asks the level below. Its root queries refuse a caller who may not read the record
 * (FORBIDDEN, passed on with the reference's field) and answer null for an unknown id. Score
 * sheets have no root query (they are read through their plan), so they are fetched as entities
 * and the read rule — the assessing jurisdiction and those above it — is applied here.
 */
async function findAtPeer(
  context: Context,
  principal: Principal,
  level: Level,
  kind: AccountabilityBasisKind,
  id: string,
  field: string,
  citing: boolean,
): Promise<Found | null> {
  async function ask<Data, Shape>(op: PeerOperation<Data, Shape>, shape: Shape, variables: Record<string, unknown>): Promise<Data> {
    try {
      return await askPeer(context, op, level, shape, variables, { id: `${field}.id` });
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === 'FORBIDDEN' && !error.extensions.field) {
        throw forbiddenAt(field, error.message);
      }
      if (!citing || (error instanceof GraphQLError && !(error instanceof UnreachableServiceError))) throw error;
      // Nothing is cited that could not be read: the citation keeps what the record is now, so
      // a level that does not answer leaves the case as it was.
      throw badUserInput(
        `${field}.id`,
        `无法从${LEVEL_NAMES_ZH[level]}读取被引用记录，未作引用 / the ${level} level could not be read to keep what the record is now (${(error as Error).message}); nothing was cited`,
      );
    }
  }
  if (kind === AccountabilityBasisKind.ASSESSMENT_SCORE_SHEET) {
    const typeName = levelTypeName(level, 'AssessmentScoreSheet');
    const data = await ask(BASIS_SCORE_SHEET, undefined, { r: [{ __typename: typeName, id }] });
    const sheet = data._entities[0];
    return sheet?.assessorCode
      ? { recordType: 'AssessmentScoreSheet', ownerCode: sheet.assessorCode, readable: canRead(principal, sheet.assessorCode), state: peerState('AssessmentScoreSheet', sheet) }
      : null;
  }
  if (kind === AccountabilityBasisKind.MISSING_DUTY_RECORD) {
    const { task, item } = await ask(BASIS_TASK_OR_ITEM, undefined, { id });
    const record = task ?? item;
    if (!record) return null;
    const recordType: BasisRecordConcept = task ? 'Task' : 'ResponsibilityItem';
    const dutyRecordCount = record.dutyRecords!.length;
    return { recordType, ownerCode: record.jurisdictionCode!, readable: true, dutyRecordCount, state: peerState(recordType, record, { dutyRecordCount }) };
  }
  const recordType = CONCEPT_OF_KIND[kind];
  const { record } = await ask(BASIS_RECORD, { concept: recordType }, { id });
  return record ? { recordType, ownerCode: record.jurisdictionCode!, readable: true, state: peerState(recordType, record) } : null;
}
