import { assertUnitsExist } from '../jurisdiction/own-or-below';
import { today } from '../calendar/calendar-date';
import { assertNotInFuture, assertWithinQuarter } from '../calendar/date-rules';
import type { Principal } from '../auth/principal';
import { assertCanWrite } from '../authz/guards';
import { badUserInput, forbidden, notFound } from '../errors/graphql-errors';
import { canRead } from '../auth/principal';
import { assertAdminCode, levelOfCode, parentCode } from '../jurisdiction/admin-code';
import type { Level } from '../jurisdiction/admin-code';
import { runInTransaction, type MutationScope } from '../mutation/run-in-transaction';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { applyFindingStep } from './finding-transitions';
import type { CreateFollowUpCheckInput, CreateSupervisionCheckInput, NewFindingInput } from './supervision.inputs';
import { SupervisionCheckEntity, SupervisionFindingEntity, type SupervisionOfficeEntity } from './supervision.entities';
import type { SupervisionLoaders } from './supervision.loaders';
import { namedJurisdiction } from '../jurisdiction/divisions';

type Context = SubgraphContext<SupervisionLoaders>;

/** The supervising level and the level it supervises. */
export interface SupervisingLevel {
  level: Level;
  below: Level;
}

/** Who may read a supervision record: the supervising side, and the supervised unit's side. */
export function assertCanSee(principal: Principal, record: { jurisdictionCode: string; unitJurisdictionCode: string }): void {
  if (!canRead(principal, record.jurisdictionCode) && !canRead(principal, record.unitJurisdictionCode)) {
    throw forbidden(`${namedJurisdiction(principal.code)} 无权查看 ${namedJurisdiction(record.jurisdictionCode)} 的监督记录 / ${namedJurisdiction(principal.code)} may not read supervision records of ${namedJurisdiction(record.jurisdictionCode)}`);
  }
}

/** An office the caller may write to (commission staff of the office's jurisdiction). */
export async function officeForWrite(context: Context, principal: Principal, id: string, field: string): Promise<SupervisionOfficeEntity> {
  const office = await context.loaders.supervisionOfficeById.load(assertUuid(id, field));
  if (!office) throw notFound('supervision office', id);
  assertCanWrite(principal, office.jurisdictionCode, ['commission']);
  return office;
}

/** A supervised unit is one of the supervising jurisdiction's own units or of a jurisdiction directly below. */
export async function assertSupervisable(context: Context, levels: SupervisingLevel, owner: string, unitId: string, unitCode: string, prefix: string) {
  if (unitCode !== owner && !(levelOfCode(unitCode) === levels.below && parentCode(unitCode) === owner)) {
    throw badUserInput(`${prefix}.unitJurisdictionCode`, `${namedJurisdiction(unitCode)} 不受 ${namedJurisdiction(owner)} 监督 / ${namedJurisdiction(unitCode)} is not supervised by ${namedJurisdiction(owner)}`);
  }
  // Own units are looked up here, the level below's with its subgraph (as the caller).
  await assertUnitsExist(context, owner, [{ jurisdictionCode: unitCode, unitId }], () => prefix);
}

/**
 * 监督检查 Records a check and its findings. A planned check is on site, of a unit the plan drew,
 * dated within the plan's quarter; every check is dated no later than today (Tianjin).
 */
export async function createCheck(context: Context, levels: SupervisingLevel, principal: Principal, input: CreateSupervisionCheckInput, on: string = today()) {
  let owner = principal.code;
  let officeId = input.officeId ?? null;
  assertNotInFuture('input.checkedOn', input.checkedOn, on);
  if (input.planId) {
    const plan = await context.loaders.supervisionPlanById.load(assertUuid(input.planId, 'input.planId'));
    if (!plan) throw notFound('supervision plan', input.planId);
    if (officeId && officeId !== plan.officeId) throw badUserInput('input.officeId', '该计划属于另一个监督检查室 / the plan belongs to another office');
    officeId = plan.officeId;
    owner = plan.jurisdictionCode;
    assertCanWrite(principal, owner, ['commission']);
    // The plan's own list (as frozen at its cutoff): a unit taken off the list since is still checked as drawn.
    const listed = plan.contactUnitIds ?? (await context.loaders.supervisionContactsByOffice.load(plan.officeId)).map((contact) => contact.unitId);
    if (!listed.includes(input.unitId)) {
      throw badUserInput('input.unitId', `单位 ${input.unitId} 不是该计划所属检查室的联系单位 / unit ${input.unitId} is not a contact unit of the plan's office`);
    }
    if (!plan.unitIds.includes(input.unitId)) {
      throw badUserInput('input.unitId', `单位 ${input.unitId} 未在${plan.year}年第${plan.quarter}季度抽中 / unit ${input.unitId} was not drawn in Q${plan.quarter} ${plan.year}`);
    }
    if (input.mode !== 'ON_SITE') throw badUserInput('input.mode', '计划内检查须现场检查 / a planned check is on site');
    assertWithinQuarter('input.checkedOn', input.checkedOn, plan.year, plan.quarter);
  } else if (officeId) {
    owner = (await officeForWrite(context, principal, officeId, 'input.officeId')).jurisdictionCode;
  }
  assertAdminCode(levels.level, owner, 'input.officeId');
  assertCanWrite(principal, owner, ['commission']);
  await assertSupervisable(context, levels, owner, input.unitId, input.unitJurisdictionCode, 'input');
  input.spotChecks.forEach((spot, index) => {
    if (!spot.description && !spot.responsibilityItemId) {
      throw badUserInput(`input.spotChecks.${index}`, '请写明抽查事项：描述或责任事项编号 / name the item: a description or a responsibility item id');
    }
  });
  return runInTransaction(context, principal, (scope) =>
    recordCheckWithFindings(scope, principal, {
      jurisdictionCode: owner,
      officeId,
      planId: input.planId ?? null,
      unitId: input.unitId,
      unitJurisdictionCode: input.unitJurisdictionCode,
      mode: input.mode,
      stationed: input.stationed,
      methods: input.methods,
      spotChecks: input.spotChecks.map((spot) => ({
        description: spot.description?.trim() ?? null,
        responsibilityItemId: spot.responsibilityItemId ?? null,
      })),
      checkedOn: input.checkedOn,
      summary: input.summary,
    }, input.findings),
  );
}

/** What a routine check records besides its findings. */
export type RoutineCheckFields = Pick<
  SupervisionCheckEntity,
  'jurisdictionCode' | 'officeId' | 'planId' | 'unitId' | 'unitJurisdictionCode' | 'mode' | 'stationed' | 'methods' | 'spotChecks' | 'checkedOn' | 'summary'
> & { engagementId?: string | null };

/**
 * Writes a routine check and the findings it raised, audited, inside the caller's transaction:
 * the one way a check enters the rectification loop (a planned or ad-hoc check, or the close of a
 * stationed group's engagement).
 */
export async function recordCheckWithFindings(
  { em, audit }: MutationScope,
  principal: Principal,
  fields: RoutineCheckFields,
  findings: readonly NewFindingInput[],
): Promise<SupervisionCheckEntity> {
  const owner = fields.jurisdictionCode;
  const check = em.create(SupervisionCheckEntity, {
    ...fields,
    engagementId: fields.engagementId ?? null,
    kind: 'ROUTINE',
    summary: fields.summary.trim(),
    createdBy: principal.subject,
  });
  await audit({ action: 'create', entityType: 'SupervisionCheck', entityId: check.id, ownerCode: owner, after: check });
  for (const spec of findings) {
    const finding = em.create(SupervisionFindingEntity, {
      jurisdictionCode: owner,
      checkId: check.id,
      unitId: check.unitId,
      unitJurisdictionCode: check.unitJurisdictionCode,
      cadreId: spec.cadreId ?? null,
      responsibilityItemId: spec.responsibilityItemId ?? null,
      taskId: spec.taskId ?? null,
      description: spec.description.trim(),
      deadline: spec.deadline,
    });
    await audit({ action: 'create', entityType: 'SupervisionFinding', entityId: finding.id, ownerCode: owner, after: finding });
  }
  return check;
}

/**
 * 回头看 A follow-up check of closed findings of one unit: each stayed fixed (CONFIRMED) or is
 * re-opened (REOPENED, 查而不改). Dated no later than today and not before the check that raised
 * each finding.
 */
export async function createFollowUp(context: Context, levels: SupervisingLevel, principal: Principal, input: CreateFollowUpCheckInput, on: string = today()) {
  const owner = input.officeId ? (await officeForWrite(context, principal, input.officeId, 'input.officeId')).jurisdictionCode : principal.code;
  assertAdminCode(levels.level, owner, 'input.officeId');
  assertCanWrite(principal, owner, ['commission']);
  assertNotInFuture('input.checkedOn', input.checkedOn, on);
  await assertSupervisable(context, levels, owner, input.unitId, input.unitJurisdictionCode, 'input');
  if (input.outcomes.length === 0) throw badUserInput('input.outcomes', '回头看至少复查一个问题 / a follow-up check reviews at least one finding');
  const findings = await Promise.all(input.outcomes.map((outcome) => context.loaders.supervisionFindingById.load(outcome.findingId)));
  for (const [index, finding] of findings.entries()) {
    const field = `input.outcomes.${index}`;
    if (!finding || finding.jurisdictionCode !== owner || finding.unitId !== input.unitId) {
      throw badUserInput(`${field}.findingId`, `${owner} 对该单位没有问题 ${input.outcomes[index].findingId} / no finding ${input.outcomes[index].findingId} of ${owner} against this unit`);
    }
    if (!input.outcomes[index].stillRectified && !input.outcomes[index].newDeadline) {
      throw badUserInput(`${field}.newDeadline`, '问题重新打开须给出新的整改期限 / a re-opened finding needs a new rectification deadline');
    }
    const raisedBy = await context.loaders.supervisionCheckById.load(finding.checkId);
    if (raisedBy && input.checkedOn < raisedBy.checkedOn) {
      throw badUserInput('input.checkedOn', `回头看日期 ${input.checkedOn} 早于发现该问题的检查（${raisedBy.checkedOn}） / ${input.checkedOn} is before the check that raised the finding (${raisedBy.checkedOn})`);
    }
  }
  return runInTransaction(context, principal, async (scope) => {
    const check = scope.em.create(SupervisionCheckEntity, {
      jurisdictionCode: owner,
      officeId: input.officeId ?? null,
      unitId: input.unitId,
      unitJurisdictionCode: input.unitJurisdictionCode,
      kind: 'FOLLOW_UP',
      mode: input.mode,
      methods: [],
      spotChecks: [],
      checkedOn: input.checkedOn,
      summary: input.summary.trim(),
      createdBy: principal.subject,
    });
    await scope.audit({ action: 'create', entityType: 'SupervisionCheck', entityId: check.id, ownerCode: owner, after: check });
    for (const [index, outcome] of input.outcomes.entries()) {
      const finding = await scope.em.findOneOrFail(SupervisionFindingEntity, { id: outcome.findingId });
      await applyFindingStep(scope, principal, finding, {
        event: outcome.stillRectified ? 'CONFIRMED' : 'REOPENED',
        field: `input.outcomes.${index}.findingId`,
        checkId: check.id,
        comment: outcome.comment ?? null,
        newDeadline: outcome.newDeadline,
      });
    }
    return check;
  });
}
