import { createHash } from 'node:crypto';
import type { Principal } from '../../auth/principal';
import { assertCanWrite } from '../../authz/guards';
import { today } from '../../calendar/calendar-date';
import { assertNotBefore } from '../../calendar/date-rules';
import { badUserInput } from '../../errors/graphql-errors';
import { assertAdminCode, type Level } from '../../jurisdiction/admin-code';
import { namedJurisdiction } from '../../jurisdiction/divisions';
import { assertExpectedVersion } from '../../mutation/record-version';
import { runInTransaction } from '../../mutation/run-in-transaction';
import { UnitEntity } from '../../org/unit.entity';
import type { SubgraphContext } from '../../server/context';
import { TaskEntity } from '../../task/task.entity';
import { assertUuid } from '../../validation/assert-uuid';
import { recordCheckWithFindings } from '../check.service';
import { SupervisionFindingEntity } from '../supervision.entities';
import type { SupervisionLoaders } from '../supervision.loaders';
import { StationedEngagementEntity, StationedGroupEntity, type StationedTalk } from './stationed.entities';
import type {
  CloseStationedEngagementInput,
  CreateStationedGroupInput,
  RecordStationedResultsInput,
  StartStationedEngagementInput,
  StationedMemberInput,
  UpdateStationedGroupInput,
} from './stationed.inputs';
import type { StationedLoaders } from './stationed.loaders';
import {
  assertDistinctMethods,
  assertDistinctUnits,
  assertEvaluationCounts,
  assertEveryMethodHasResults,
  assertMembers,
  assertPeriod,
  assertResultDates,
  assertResultsOfListedMethods,
} from './stationed.rules';

type Context = SubgraphContext<StationedLoaders & SupervisionLoaders>;

const WRITERS = ['commission'] as const;

/*
 * 派驻监督 The business steps of stationed supervision. Only the commission of the level that
 * stations a group writes its group and engagements; everything is checked before the
 * transaction, so a refusal writes nothing.
 */

/** The audit trail keeps a talk's digest, not its words: the trail is read more widely than CONFIDENTIAL fields. */
function auditedEngagement(engagement: StationedEngagementEntity): Record<string, unknown> {
  const talks = engagement.talks.map((talk) => ({ ...talk, summary: `sha256:${createHash('sha256').update(talk.summary).digest('hex')}` }));
  return { ...engagement, talks };
}

const trimMembers = (members: readonly StationedMemberInput[]) =>
  members.map((member) => ({ name: member.name.trim(), position: member.position.trim(), role: member.role }));

/** Host units are units of the commission's own jurisdiction, named by field when one is not. */
async function assertHostUnits(context: Context, owner: string, unitIds: readonly string[], field: string): Promise<void> {
  assertDistinctUnits(unitIds, field);
  const units = await context.em.find(UnitEntity, { id: { $in: [...unitIds] }, jurisdictionCode: owner });
  unitIds.forEach((unitId, index) => {
    if (!units.some((unit) => unit.id === unitId)) {
      throw badUserInput(`${field}.${index}`, `${namedJurisdiction(owner)} 没有单位 ${unitId}；派驻组只监督本级单位 / ${namedJurisdiction(owner)} has no unit ${unitId}; a stationed group supervises units of its own commission's level`);
    }
  });
}

async function groupOf(context: Context, id: string, field: string): Promise<StationedGroupEntity> {
  const group = await context.loaders.stationedGroupById.load(assertUuid(id, field));
  if (!group) throw badUserInput(field, `未找到派驻纪检监察组 ${id} / no stationed group ${id}`);
  return group;
}

async function engagementOf(context: Context, id: string, field: string): Promise<StationedEngagementEntity> {
  const engagement = await context.loaders.stationedEngagementById.load(assertUuid(id, field));
  if (!engagement) throw badUserInput(field, `未找到进驻监督 ${id} / no stationed engagement ${id}`);
  return engagement;
}

/** 设立派驻纪检监察组 A new group of the caller's commission. */
export async function createStationedGroup(context: Context, level: Level, principal: Principal, input: CreateStationedGroupInput): Promise<StationedGroupEntity> {
  const owner = assertAdminCode(level, input.jurisdictionCode, 'input.jurisdictionCode');
  assertCanWrite(principal, owner, WRITERS);
  assertMembers(input.members, 'input.members');
  await assertHostUnits(context, owner, input.hostUnitIds, 'input.hostUnitIds');
  return runInTransaction(context, principal, async ({ em, audit }) => {
    const group = em.create(StationedGroupEntity, {
      jurisdictionCode: owner,
      name: input.name.trim(),
      hostUnitIds: [...input.hostUnitIds],
      members: trimMembers(input.members),
      createdBy: principal.subject,
    });
    await audit({ action: 'create', entityType: 'StationedGroup', entityId: group.id, ownerCode: owner, after: group });
    return group;
  });
}

/** 调整派驻纪检监察组 Rename, change the supervised units or the members; a unit with an engagement under way stays. */
export async function updateStationedGroup(context: Context, principal: Principal, input: UpdateStationedGroupInput): Promise<StationedGroupEntity> {
  const existing = await groupOf(context, input.id, 'input.id');
  assertCanWrite(principal, existing.jurisdictionCode, WRITERS);
  if (input.members) assertMembers(input.members, 'input.members');
  if (input.hostUnitIds) {
    await assertHostUnits(context, existing.jurisdictionCode, input.hostUnitIds, 'input.hostUnitIds');
    const underWay = (await context.loaders.stationedEngagementsByGroup.load(existing.id)).filter((engagement) => engagement.endedOn === null);
    const dropped = underWay.find((engagement) => !input.hostUnitIds!.includes(engagement.unitId));
    if (dropped) {
      throw badUserInput('input.hostUnitIds', `单位 ${dropped.unitId} 的进驻监督尚未结束，不能移出 / unit ${dropped.unitId} has an engagement under way and cannot be removed`);
    }
  }
  return runInTransaction(context, principal, async ({ em, audit }) => {
    const group = await em.findOneOrFail(StationedGroupEntity, { id: existing.id });
    assertExpectedVersion(group, input.expectedVersion);
    const before = { ...group };
    if (input.name !== undefined) group.name = input.name.trim();
    if (input.hostUnitIds) group.hostUnitIds = [...input.hostUnitIds];
    if (input.members) group.members = trimMembers(input.members);
    await audit({ action: 'update', entityType: 'StationedGroup', entityId: group.id, ownerCode: group.jurisdictionCode, before, after: group });
    return group;
  });
}

/** 开展驻点/进驻式监督 An engagement at one of the group's units, prompted by a platform signal or a finding. */
export async function startStationedEngagement(
  context: Context,
  principal: Principal,
  input: StartStationedEngagementInput,
  on: string = today(),
): Promise<StationedEngagementEntity> {
  const group = await groupOf(context, input.groupId, 'input.groupId');
  const owner = group.jurisdictionCode;
  assertCanWrite(principal, owner, WRITERS);
  if (!group.hostUnitIds.includes(input.unitId)) {
    throw badUserInput('input.unitId', `单位 ${input.unitId} 不是${group.name}的驻在或综合监督单位 / unit ${input.unitId} is not one of the units ${group.name} supervises`);
  }
  assertDistinctMethods(input.methods, 'input.methods');
  assertPeriod(input.startedOn, null, on, 'input');
  const underWay = (await context.loaders.stationedEngagementsByGroup.load(group.id)).find((engagement) => engagement.unitId === input.unitId && engagement.endedOn === null);
  if (underWay) {
    throw badUserInput('input.unitId', `该单位已有进行中的进驻监督（${underWay.startedOn} 起） / the unit already has an engagement under way since ${underWay.startedOn}`);
  }
  if (input.reasonFindingId) {
    const finding = await context.loaders.supervisionFindingById.load(assertUuid(input.reasonFindingId, 'input.reasonFindingId'));
    if (!finding || finding.jurisdictionCode !== owner) {
      throw badUserInput('input.reasonFindingId', `${namedJurisdiction(owner)} 没有问题 ${input.reasonFindingId} / ${namedJurisdiction(owner)} has no finding ${input.reasonFindingId}`);
    }
  }
  if (input.reasonTaskId) {
    const task = await context.em.findOne(TaskEntity, { id: assertUuid(input.reasonTaskId, 'input.reasonTaskId'), jurisdictionCode: owner });
    if (!task) throw badUserInput('input.reasonTaskId', `${namedJurisdiction(owner)} 没有任务 ${input.reasonTaskId} / ${namedJurisdiction(owner)} has no task ${input.reasonTaskId}`);
  }
  return runInTransaction(context, principal, async ({ em, audit }) => {
    const engagement = em.create(StationedEngagementEntity, {
      jurisdictionCode: owner,
      groupId: group.id,
      unitId: input.unitId,
      mode: input.mode,
      reasonSource: input.reasonSource,
      reason: input.reason.trim(),
      reasonFindingId: input.reasonFindingId ?? null,
      reasonTaskId: input.reasonTaskId ?? null,
      startedOn: input.startedOn,
      methods: [...input.methods],
      createdBy: principal.subject,
    });
    await audit({ action: 'create', entityType: 'StationedEngagement', entityId: engagement.id, ownerCode: owner, after: auditedEngagement(engagement) });
    return engagement;
  });
}

/** 记录监督成果 What the methods produced, while the engagement is under way; each kind given replaces the recorded one. */
export async function recordStationedResults(
  context: Context,
  principal: Principal,
  input: RecordStationedResultsInput,
  on: string = today(),
): Promise<StationedEngagementEntity> {
  const existing = await engagementOf(context, input.engagementId, 'input.engagementId');
  assertCanWrite(principal, existing.jurisdictionCode, WRITERS);
  if (existing.endedOn !== null) {
    throw badUserInput('input.engagementId', `进驻监督已于 ${existing.endedOn} 结束，成果不能再改 / the engagement closed on ${existing.endedOn}; its results are final`);
  }
  assertResultsOfListedMethods(existing.methods, input, 'input');
  if (input.democraticEvaluation) assertEvaluationCounts(input.democraticEvaluation, 'input.democraticEvaluation');
  assertResultDates(input, existing.startedOn, on, 'input');
  return runInTransaction(context, principal, async ({ em, audit }) => {
    const engagement = await em.findOneOrFail(StationedEngagementEntity, { id: existing.id });
    assertExpectedVersion(engagement, input.expectedVersion);
    const before = auditedEngagement(engagement);
    if (input.talks) {
      engagement.talks = input.talks.map((talk): StationedTalk => ({
        heldOn: talk.heldOn,
        intervieweePosition: talk.intervieweePosition.trim(),
        intervieweeUnit: talk.intervieweeUnit.trim(),
        summary: talk.summary.trim(),
      }));
    }
    if (input.reportsHeard) {
      engagement.reportsHeard = input.reportsHeard.map((report) => ({ heardOn: report.heardOn, reporterPosition: report.reporterPosition.trim(), topic: report.topic.trim() }));
    }
    if (input.documentsReviewed) engagement.documentsReviewed = { count: input.documentsReviewed.count, note: input.documentsReviewed.note?.trim() ?? null };
    if (input.questionnaire) {
      const { respondents, questions, satisfactionRate, note } = input.questionnaire;
      engagement.questionnaire = { respondents, questions, satisfactionRate, note: note?.trim() ?? null };
    }
    if (input.democraticEvaluation) {
      const { participants, good, fairlyGood, average, poor, note } = input.democraticEvaluation;
      engagement.democraticEvaluation = { participants, good, fairlyGood, average, poor, note: note?.trim() ?? null };
    }
    await audit({ action: 'record-results', entityType: 'StationedEngagement', entityId: engagement.id, ownerCode: engagement.jurisdictionCode, before, after: auditedEngagement(engagement) });
    return engagement;
  });
}

/**
 * 结束进驻 Closes an engagement: every listed method has its result, the end is not in the future
 * nor before the start or any result; a stationed supervision check of the host unit is recorded
 * with the findings, which follow the ordinary rectification loop (the unit reports, the
 * commission accepts or sends back, follow-ups 回头看).
 */
export async function closeStationedEngagement(
  context: Context,
  principal: Principal,
  input: CloseStationedEngagementInput,
  on: string = today(),
): Promise<StationedEngagementEntity> {
  const existing = await engagementOf(context, input.engagementId, 'input.engagementId');
  const owner = existing.jurisdictionCode;
  assertCanWrite(principal, owner, WRITERS);
  if (existing.endedOn !== null) throw badUserInput('input.engagementId', `进驻监督已于 ${existing.endedOn} 结束 / the engagement already closed on ${existing.endedOn}`);
  assertPeriod(existing.startedOn, input.endedOn, on, 'input');
  const latest = [...existing.talks.map((talk) => talk.heldOn), ...existing.reportsHeard.map((report) => report.heardOn)].sort().at(-1);
  if (latest) assertNotBefore('input.endedOn', input.endedOn, latest, { zh: '已记录的最后一项监督成果', en: 'latest recorded result' });
  assertEveryMethodHasResults(existing.methods, existing, 'input.engagementId');
  input.findings.forEach((finding, index) =>
    assertNotBefore(`input.findings.${index}.deadline`, finding.deadline, input.endedOn, { zh: '进驻结束日期', en: 'end of the engagement' }),
  );
  return runInTransaction(context, principal, async (scope) => {
    const engagement = await scope.em.findOneOrFail(StationedEngagementEntity, { id: existing.id });
    assertExpectedVersion(engagement, input.expectedVersion);
    const before = auditedEngagement(engagement);
    const check = await recordCheckWithFindings(scope, principal, {
      jurisdictionCode: owner,
      officeId: null,
      planId: null,
      unitId: engagement.unitId,
      unitJurisdictionCode: owner,
      mode: 'ON_SITE',
      stationed: true,
      methods: [...engagement.methods],
      spotChecks: [],
      checkedOn: input.endedOn,
      summary: input.summary,
      engagementId: engagement.id,
    }, input.findings);
    engagement.endedOn = input.endedOn;
    engagement.summary = input.summary.trim();
    engagement.checkId = check.id;
    await scope.audit({ action: 'close', entityType: 'StationedEngagement', entityId: engagement.id, ownerCode: owner, before, after: auditedEngagement(engagement) });
    return engagement;
  });
}

/** The findings an engagement produced: those of the check it closed with. */
export async function findingsOfEngagement(context: Context, engagement: StationedEngagementEntity): Promise<SupervisionFindingEntity[]> {
  return engagement.checkId ? context.loaders.supervisionFindingsByCheck.load(engagement.checkId) : [];
}
