import { levelBelow } from '../level/level-relations';
import { GraphQLError } from 'graphql';
import { canRead, type Principal } from '../auth/principal';
import { AssessmentSheetEntity } from '../assessment/assessment.entity';
import { DutyRecordEntity } from '../duty-record/duty-record.entity';
import type { DutyRecordLoaders } from '../duty-record/duty-record.loaders';
import { badUserInput, forbidden } from '../errors/graphql-errors';
import type { Level } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import { askPeer, BASIS_RECORD, BASIS_SCORE_SHEET, BASIS_TASK_OR_ITEM, type PeerOperation } from '../cross-level/peer-operations';
import { ResponsibilityItemEntity } from '../responsibility/responsibility-item.entity';
import type { SubgraphContext } from '../server/context';
import { RectificationReportEntity, SupervisionFindingEntity } from '../supervision/supervision.entities';
import { TaskEntity } from '../task/task.entity';
import { assertUuid } from '../validation/assert-uuid';
import { AccountabilityBasisKind, CONCEPT_OF_KIND, type BasisRecordConcept } from './accountability.enums';
import type { AccountabilityBasisInput } from './accountability.inputs';
import { namedJurisdiction } from '../jurisdiction/divisions';

type Context = SubgraphContext<DutyRecordLoaders>;

/** What a checked reference comes to: the record's concept and the jurisdiction that owns it. */
export interface BasisFacts {
  kind: AccountabilityBasisKind;
  level: Level;
  recordType: BasisRecordConcept;
  recordId: string;
  ownerCode: string;
  note: string | null;
}


/** Supervision and assessment are kept only by the levels that supervise and assess. */
const KEPT_BY: Partial<Record<AccountabilityBasisKind, Level[]>> = {
  SUPERVISION_FINDING: ['city', 'district'],
  ASSESSMENT_SCORE_SHEET: ['city', 'district'],
};

interface Found {
  recordType: BasisRecordConcept;
  ownerCode: string;
  readable: boolean;
  /** Latest duty records naming the record (only asked for MISSING_DUTY_RECORD). */
  dutyRecordCount?: number;
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
    if (earlier < index) throw badUserInput(`${fieldOf(index)}.id`, `cites the same record as ${fieldOf(earlier)}`);
  });
  return facts;
}

async function checkOne(context: Context, principal: Principal, decidingLevel: Level, reference: AccountabilityBasisInput, field: string): Promise<BasisFacts> {
  const id = assertUuid(reference.id, `${field}.id`);
  const level = reference.level as unknown as Level;
  if (level !== decidingLevel && level !== levelBelow(decidingLevel)) {
    throw badUserInput(`${field}.level`, `a ${decidingLevel} case cites records of the ${decidingLevel} level or the level directly below`);
  }
  const keptBy = KEPT_BY[reference.kind];
  if (keptBy && !keptBy.includes(level)) throw badUserInput(`${field}.kind`, `the ${level} level keeps no ${reference.kind} records`);

  const found = level === decidingLevel ? await findLocal(context, principal, reference.kind, id) : await findAtPeer(context, principal, level, reference.kind, id, field);
  if (!found) throw badUserInput(`${field}.id`, `no ${reference.kind} ${id} at the ${level} level`);
  if (!found.readable) throw forbiddenAt(field, `${namedJurisdiction(principal.code)} 无权查看 ${levelTypeName(level, found.recordType)} ${id} / ${namedJurisdiction(principal.code)} may not read the ${levelTypeName(level, found.recordType)} ${id}`);
  if (reference.kind === AccountabilityBasisKind.MISSING_DUTY_RECORD && found.dutyRecordCount! > 0) {
    throw badUserInput(`${field}.id`, `${levelTypeName(level, found.recordType)} ${id} has ${found.dutyRecordCount} duty record(s); cite them as DUTY_RECORD instead`);
  }
  return { kind: reference.kind, level, recordType: found.recordType, recordId: id, ownerCode: found.ownerCode, note: reference.note?.trim() ?? null };
}

function forbiddenAt(field: string, message: string): GraphQLError {
  const error = forbidden(`${field}: ${message}`);
  return new GraphQLError(error.message, { extensions: { ...error.extensions, field } });
}

async function findLocal(context: Context, principal: Principal, kind: AccountabilityBasisKind, id: string): Promise<Found | null> {
  const { em } = context;
  const plain = (recordType: BasisRecordConcept, record: { jurisdictionCode: string } | null): Found | null =>
    record && { recordType, ownerCode: record.jurisdictionCode, readable: canRead(principal, record.jurisdictionCode) };
  switch (kind) {
    case AccountabilityBasisKind.RESPONSIBILITY_ITEM:
      return plain('ResponsibilityItem', await em.findOne(ResponsibilityItemEntity, { id }));
    case AccountabilityBasisKind.TASK:
      return plain('Task', await em.findOne(TaskEntity, { id }));
    case AccountabilityBasisKind.DUTY_RECORD:
      return plain('DutyRecord', await em.findOne(DutyRecordEntity, { id }));
    case AccountabilityBasisKind.SUPERVISION_FINDING: {
      const finding = await em.findOne(SupervisionFindingEntity, { id });
      // The supervising side and the supervised side both read a finding.
      return finding && {
        recordType: 'SupervisionFinding',
        ownerCode: finding.jurisdictionCode,
        readable: canRead(principal, finding.jurisdictionCode) || canRead(principal, finding.unitJurisdictionCode),
      };
    }
    case AccountabilityBasisKind.RECTIFICATION_REPORT: {
      const report = await em.findOne(RectificationReportEntity, { id });
      return report && {
        recordType: 'RectificationReport',
        ownerCode: report.jurisdictionCode,
        readable: canRead(principal, report.jurisdictionCode) || canRead(principal, report.supervisingCode),
      };
    }
    case AccountabilityBasisKind.ASSESSMENT_SCORE_SHEET: {
      const sheet = await em.findOne(AssessmentSheetEntity, { id });
      return sheet && { recordType: 'AssessmentScoreSheet', ownerCode: sheet.assessorCode, readable: canRead(principal, sheet.assessorCode) };
    }
    case AccountabilityBasisKind.MISSING_DUTY_RECORD: {
      // The same loaders serve `DistrictTask.dutyRecords`, so the check and the trace agree.
      const task = await em.findOne(TaskEntity, { id });
      if (task) return { ...plain('Task', task)!, dutyRecordCount: (await context.loaders.latestDutyRecordsByTask.load(id)).length };
      const item = await em.findOne(ResponsibilityItemEntity, { id });
      if (item) return { ...plain('ResponsibilityItem', item)!, dutyRecordCount: (await context.loaders.latestDutyRecordsByResponsibilityItem.load(id)).length };
      return null;
    }
  }
}

/**
 * Asks the level below. Its root queries refuse a caller who may not read the record
 * (FORBIDDEN, passed on with the reference's field) and answer null for an unknown id. Score
 * sheets have no root query (they are read through their plan), so they are fetched as entities
 * and the read rule — the assessing jurisdiction and those above it — is applied here.
 */
async function findAtPeer(context: Context, principal: Principal, level: Level, kind: AccountabilityBasisKind, id: string, field: string): Promise<Found | null> {
  async function ask<Data, Shape>(op: PeerOperation<Data, Shape>, shape: Shape, variables: Record<string, unknown>): Promise<Data> {
    try {
      return await askPeer(context, op, level, shape, variables, { id: `${field}.id` });
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === 'FORBIDDEN' && !error.extensions.field) {
        throw forbiddenAt(field, error.message);
      }
      throw error;
    }
  }
  if (kind === AccountabilityBasisKind.ASSESSMENT_SCORE_SHEET) {
    const typeName = levelTypeName(level, 'AssessmentScoreSheet');
    const data = await ask(BASIS_SCORE_SHEET, undefined, { r: [{ __typename: typeName, id }] });
    const sheet = data._entities[0];
    return sheet?.assessorCode ? { recordType: 'AssessmentScoreSheet', ownerCode: sheet.assessorCode, readable: canRead(principal, sheet.assessorCode) } : null;
  }
  if (kind === AccountabilityBasisKind.MISSING_DUTY_RECORD) {
    const { task, item } = await ask(BASIS_TASK_OR_ITEM, undefined, { id });
    const record = task ?? item;
    if (!record) return null;
    return { recordType: task ? 'Task' : 'ResponsibilityItem', ownerCode: record.jurisdictionCode!, readable: true, dutyRecordCount: record.dutyRecords!.length };
  }
  const recordType = CONCEPT_OF_KIND[kind];
  const { record } = await ask(BASIS_RECORD, { concept: recordType }, { id });
  return record ? { recordType, ownerCode: record.jurisdictionCode!, readable: true } : null;
}
