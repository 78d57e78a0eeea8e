import { LockMode } from '@mikro-orm/core';
import type { Principal } from '../auth/principal';
import { assertCanWrite } from '../authz/guards';
import { today } from '../calendar/calendar-date';
import { assertNotInFuture } from '../calendar/date-rules';
import { badUserInput, notFound } from '../errors/graphql-errors';
import { runInTransaction } from '../mutation/run-in-transaction';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { AssessmentFollowUpEntity, AssessmentInterviewEntity } from './assessment.entity';
import type { CorrectAssessmentInterviewInput } from './assessment.inputs';
import type { AssessmentLoaders } from './assessment.loaders';

const CORRECTABLE = ['intervieweeName', 'intervieweePosition', 'heldOn', 'interviewer', 'content'] as const;

/**
 * 更正约谈记录 The details of an interview can be corrected until someone goes back to it: once a
 * follow-up visit has checked its commitments against it, the interview is what that visit
 * relied on and stays as it was. The date obeys the same calendar rule as a new interview (not
 * after today). Each correction is one audit entry with the record before and after and the reason.
 */
export async function correctInterview(
  context: SubgraphContext<AssessmentLoaders>,
  principal: Principal,
  input: CorrectAssessmentInterviewInput,
  on: string = today(),
): Promise<AssessmentInterviewEntity> {
  const found = await context.loaders.assessmentInterviewById.load(assertUuid(input.interviewId, 'input.interviewId'));
  if (!found) throw notFound('assessment interview', input.interviewId);
  assertCanWrite(principal, found.assessorCode, ['commission']);
  if (input.heldOn !== undefined) assertNotInFuture('input.heldOn', input.heldOn, on);
  if (CORRECTABLE.every((field) => input[field] === undefined)) {
    throw badUserInput('input', '没有要更正的内容 / nothing to correct: give at least one of the details');
  }
  return runInTransaction(context, principal, async ({ em, audit }) => {
    const interview = await em.findOneOrFail(AssessmentInterviewEntity, { id: found.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const firstVisit = await em.findOne(AssessmentFollowUpEntity, { interviewId: interview.id }, { orderBy: { visitedOn: 'asc' } });
    if (firstVisit) {
      throw badUserInput('input.interviewId', `约谈已于${firstVisit.visitedOn}回访，记录不能再更正 / the interview was followed up on ${firstVisit.visitedOn}; it can no longer be corrected`);
    }
    const before = { ...interview };
    for (const field of CORRECTABLE) {
      const value = input[field];
      if (value !== undefined) interview[field] = value.trim();
    }
    await audit({
      action: 'correct',
      entityType: 'AssessmentInterview',
      entityId: interview.id,
      ownerCode: interview.assessorCode,
      before,
      after: { ...interview, correctionReason: input.reason.trim() },
    });
    return interview;
  });
}
