import type { Principal } from '../auth/principal';
import { assertCanRead, assertCanWrite, requirePrincipal } from '../authz/guards';
import { assertNotInFuture } from '../calendar/date-rules';
import { badUserInput, notFound } from '../errors/graphql-errors';
import { assertAdminCode, type Level } from '../jurisdiction/admin-code';
import type { JurisdictionLoaders } from '../jurisdiction/jurisdiction-loaders';
import { assertOwnOrDirectlyBelow, assertUnitsExist } from '../jurisdiction/own-or-below';
import { runInTransaction } from '../mutation/run-in-transaction';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { DutyReportQuestionEntity, DutyReportReporterEntity, DutyReportSessionEntity } from './duty-report.entity';
import type {
  AnswerDutyReportQuestionInput,
  AskDutyReportQuestionInput,
  CreateDutyReportSessionInput,
  DutyReportReporterInput,
  EvaluateDutyReporterInput,
} from './duty-report.inputs';
import type { DutyReportLoaders } from './duty-report.loaders';

/**
 * The business steps of a duty-and-integrity report session (述责述廉): the commission records
 * the session with its reporters, puts questions and evaluates; each reporter's side answers
 * its own questions. Plain functions over the request context; `duty-report.module.ts` keeps
 * the per-level types and thin resolvers, and the pure rules are tested alone in
 * `duty-report.service.test.ts`.
 */
type Context = SubgraphContext<JurisdictionLoaders & DutyReportLoaders>;

type Evaluation = Pick<DutyReportReporterEntity, 'rating' | 'score' | 'remarks' | 'evaluatedBy' | 'evaluatedAt'>;
type Answer = Pick<DutyReportQuestionEntity, 'answer' | 'answererCode' | 'answeredBy' | 'answeredAt'>;

/** Only the commission staff of the level that holds a session run it. */
function assertCommissionOf(principal: Principal, ownerCode: string): void {
  assertCanWrite(principal, ownerCode, ['commission']);
}

/** Each reporter is of the holding jurisdiction or one directly below it, and a cadre reports once. */
export function assertReportersFit(ownerCode: string, reporters: readonly Pick<DutyReportReporterInput, 'jurisdictionCode' | 'cadreId'>[]): void {
  const seen = new Set<string>();
  reporters.forEach((reporter, index) => {
    assertOwnOrDirectlyBelow(ownerCode, reporter.jurisdictionCode, `input.reporters.${index}.jurisdictionCode`);
    if (seen.has(reporter.cadreId)) throw badUserInput(`input.reporters.${index}.cadreId`, '该干部已在本次会议述责述廉 / this cadre already reports at the session');
    seen.add(reporter.cadreId);
  });
}

/** The reporter rows of a new session: in the order given (position from 1), names as they stand on the day, trimmed. */
export function reporterRows(session: Pick<DutyReportSessionEntity, 'id' | 'ownerCode'>, reporters: readonly DutyReportReporterInput[]) {
  return reporters.map((reporter, index) => ({
    sessionId: session.id,
    ownerCode: session.ownerCode,
    position: index + 1,
    jurisdictionCode: reporter.jurisdictionCode,
    unitId: reporter.unitId,
    unitName: reporter.unitName.trim(),
    cadreId: reporter.cadreId,
    cadreName: reporter.cadreName.trim(),
    cadrePosition: reporter.cadrePosition.trim(),
  }));
}

/** What an evaluation writes: it replaces any earlier one; blank remarks are none. */
export function applyEvaluation(reporter: Evaluation, input: EvaluateDutyReporterInput, evaluatedBy: string, evaluatedAt: Date): void {
  reporter.rating = input.rating;
  reporter.score = input.score ?? null;
  reporter.remarks = input.remarks?.trim() || null;
  reporter.evaluatedBy = evaluatedBy;
  reporter.evaluatedAt = evaluatedAt;
}

/** What an answer writes: it replaces any earlier one, naming the jurisdiction and person that answered. */
export function applyAnswer(question: Answer, input: AnswerDutyReportQuestionInput, answerer: Pick<Principal, 'code' | 'subject'>, answeredAt: Date): void {
  question.answer = input.answer.trim();
  question.answererCode = answerer.code;
  question.answeredBy = answerer.subject;
  question.answeredAt = answeredAt;
}

async function reporterOf(context: Context, id: string, field: string): Promise<DutyReportReporterEntity> {
  const reporter = await context.loaders.dutyReportReporterById.load(assertUuid(id, field));
  if (!reporter) throw notFound('duty report reporter', id);
  return reporter;
}

/** One session by id, for a caller who may read its holder's records. */
export async function readDutyReportSession(context: Context, id: string): Promise<DutyReportSessionEntity | null> {
  const principal = requirePrincipal(context);
  const session = await context.loaders.dutyReportSessionById.load(assertUuid(id, 'id'));
  if (session) assertCanRead(principal, session.ownerCode);
  return session;
}

/** 召开述责述廉会议 Records a session held by `level` with its reporters, each audited. */
export async function createDutyReportSession(context: Context, level: Level, input: CreateDutyReportSessionInput): Promise<DutyReportSessionEntity> {
  const principal = requirePrincipal(context);
  assertAdminCode(level, input.ownerCode, 'input.ownerCode');
  assertCommissionOf(principal, input.ownerCode);
  assertNotInFuture('input.heldOn', input.heldOn);
  assertReportersFit(input.ownerCode, input.reporters);
  await assertUnitsExist(context, input.ownerCode, input.reporters, (index) => `input.reporters.${index}`);
  return runInTransaction(context, principal, async ({ em, audit }) => {
    const session = em.create(DutyReportSessionEntity, {
      ownerCode: input.ownerCode,
      title: input.title.trim(),
      heldOn: input.heldOn,
      createdBy: principal.subject,
    });
    await audit({ action: 'create', entityType: 'DutyReportSession', entityId: session.id, ownerCode: session.ownerCode, after: session });
    for (const fields of reporterRows(session, input.reporters)) {
      const row = em.create(DutyReportReporterEntity, fields);
      await audit({ action: 'create', entityType: 'DutyReportReporter', entityId: row.id, ownerCode: session.ownerCode, after: row });
    }
    return session;
  });
}

/** 述责评价 The plenary's evaluation of one reporter, by the holding level's commission. */
export async function evaluateDutyReporter(context: Context, reporterId: string, input: EvaluateDutyReporterInput): Promise<DutyReportReporterEntity> {
  const principal = requirePrincipal(context);
  const existing = await reporterOf(context, reporterId, 'reporterId');
  assertCommissionOf(principal, existing.ownerCode);
  return runInTransaction(context, principal, async ({ em, audit }) => {
    const reporter = await em.findOneOrFail(DutyReportReporterEntity, { id: existing.id });
    const before = { ...reporter };
    applyEvaluation(reporter, input, principal.subject, new Date());
    await audit({ action: 'evaluate', entityType: 'DutyReportReporter', entityId: reporter.id, ownerCode: reporter.ownerCode, before, after: reporter });
    return reporter;
  });
}

/** 询问质询 A question put to a reporter, by the holding level's commission. */
export async function askDutyReportQuestion(context: Context, input: AskDutyReportQuestionInput): Promise<DutyReportQuestionEntity> {
  const principal = requirePrincipal(context);
  const reporter = await reporterOf(context, input.reporterId, 'input.reporterId');
  assertCommissionOf(principal, reporter.ownerCode);
  return runInTransaction(context, principal, async ({ em, audit }) => {
    const question = em.create(DutyReportQuestionEntity, {
      sessionId: reporter.sessionId,
      reporterId: reporter.id,
      ownerCode: reporter.ownerCode,
      askerName: input.askerName.trim(),
      question: input.question.trim(),
      askedBy: principal.subject,
    });
    await audit({ action: 'create', entityType: 'DutyReportQuestion', entityId: question.id, ownerCode: question.ownerCode, after: question });
    return question;
  });
}

/** 回答质询 The answer to a question, by an admin of the reporter's own jurisdiction. */
export async function answerDutyReportQuestion(context: Context, questionId: string, input: AnswerDutyReportQuestionInput): Promise<DutyReportQuestionEntity> {
  const principal = requirePrincipal(context);
  const existing = await context.em.findOne(DutyReportQuestionEntity, { id: assertUuid(questionId, 'questionId') });
  if (!existing) throw notFound('duty report question', questionId);
  const reporter = await reporterOf(context, existing.reporterId, 'questionId');
  // The reporter's side owns what it says: neither the commission nor another jurisdiction may write it.
  assertCanWrite(principal, reporter.jurisdictionCode, ['admin']);
  return runInTransaction(context, principal, async ({ em, audit }) => {
    const question = await em.findOneOrFail(DutyReportQuestionEntity, { id: existing.id });
    const before = { ...question };
    applyAnswer(question, input, principal, new Date());
    await audit({ action: 'answer', entityType: 'DutyReportQuestion', entityId: question.id, ownerCode: question.ownerCode, before, after: question });
    return question;
  });
}
