import { LockMode } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Principal } from '../auth/principal';
import { assertCanWrite, requirePrincipal } from '../authz/guards';
import { badUserInput, notFound } from '../errors/graphql-errors';
import type { Level } from '../jurisdiction/admin-code';
import { assessmentOperations } from './assessment.operations';
import { runInTransaction } from '../mutation/run-in-transaction';
import type { ClassType } from '../pagination/connection';
import type { SubgraphContext } from '../server/context';
import {
  AssessmentCommitmentEntity,
  AssessmentFollowUpEntity,
  AssessmentInterviewEntity,
  AssessmentSheetEntity,
} from './assessment.entity';
import { CorrectAssessmentInterviewInput, RecordAssessmentFollowUpInput, RecordAssessmentInterviewInput } from './assessment.inputs';
import { assertNotBefore, assertNotInFuture } from '../calendar/date-rules';
import { correctInterview } from './interview-correction';
import type { AssessmentLoaders } from './assessment.loaders';
import { AssessmentCommitmentType, AssessmentFollowUpType } from './assessment.types';

type Context = SubgraphContext<AssessmentLoaders>;

export function assertAssessingCommission(principal: Principal, assessorCode: string): void {
  assertCanWrite(principal, assessorCode, ['commission']);
}

/**
 * 约谈 and 回访: the assessing commission interviews the heads of bottom-ranked units, records
 * their commitments, and goes back to confirm each one. The interview's follow-up status is
 * kept on the row so an interview nobody went back to (一谈了之) stays visible by a filter.
 */
export function createInterviewResolver(level: Level, InterviewType: ClassType, SheetType: ClassType) {
  @Resolver(() => InterviewType)
  class InterviewResolver {
    @FieldResolver(() => SheetType, { nullable: true, description: '评分表 The score sheet that put the unit at the bottom.' })
    sheet(@Root() interview: AssessmentInterviewEntity, @Ctx() context: Context): Promise<AssessmentSheetEntity | null> {
      return context.loaders.assessmentSheetById.load(interview.sheetId);
    }

    @FieldResolver(() => [AssessmentCommitmentType], { description: '整改承诺 Commitments, in the order made.' })
    commitments(@Root() interview: AssessmentInterviewEntity, @Ctx() context: Context): Promise<AssessmentCommitmentEntity[]> {
      return context.loaders.assessmentCommitmentsByInterview.load(interview.id);
    }

    @FieldResolver(() => [AssessmentFollowUpType], { description: '回访 Follow-up visits, oldest first.' })
    followUps(@Root() interview: AssessmentInterviewEntity, @Ctx() context: Context): Promise<AssessmentFollowUpEntity[]> {
      return context.loaders.assessmentFollowUpsByInterview.load(interview.id);
    }

    @Mutation(() => InterviewType, {
      name: assessmentOperations(level).recordAssessmentInterview,
      description: '约谈 Record the interview of a bottom-ranked or 较差 unit\'s head, with commitments (commission staff of the assessing level).',
    })
    async record(
      @Arg('input', () => RecordAssessmentInterviewInput) input: RecordAssessmentInterviewInput,
      @Ctx() context: Context,
    ): Promise<AssessmentInterviewEntity> {
      const principal = requirePrincipal(context);
      const found = await context.loaders.assessmentSheetById.load(input.sheetId);
      if (!found) throw notFound('assessment score sheet', input.sheetId);
      assertAssessingCommission(principal, found.assessorCode);
      assertNotInFuture('input.heldOn', input.heldOn);
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const sheet = await em.findOneOrFail(AssessmentSheetEntity, { id: found.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
        if (!sheet.interviewRequired) {
          throw badUserInput(
            'input.sheetId',
            sheet.rank === null
              ? 'the assessment is not finalized yet'
              : `${sheet.unitName} ranks ${sheet.rank} (${sheet.grade}): only heads of bottom-ranked or POOR units are interviewed`,
          );
        }
        if (await em.count(AssessmentInterviewEntity, { sheetId: sheet.id })) {
          throw badUserInput('input.sheetId', `${sheet.unitName}负责人已被约谈，如需更正请用更正约谈记录 / the head of ${sheet.unitName} has already been interviewed; correct that record instead`);
        }
        const interview = em.create(AssessmentInterviewEntity, {
          planId: sheet.planId,
          sheetId: sheet.id,
          assessorCode: sheet.assessorCode,
          intervieweeName: input.intervieweeName.trim(),
          intervieweePosition: input.intervieweePosition.trim(),
          heldOn: input.heldOn,
          interviewer: input.interviewer.trim(),
          content: input.content.trim(),
          recordedBy: principal.subject,
        });
        await audit({ action: 'create', entityType: 'AssessmentInterview', entityId: interview.id, ownerCode: interview.assessorCode, after: interview });
        for (const [index, content] of input.commitments.entries()) {
          const commitment = em.create(AssessmentCommitmentEntity, { interviewId: interview.id, position: index + 1, content: content.trim() });
          await audit({ action: 'create', entityType: 'AssessmentCommitment', entityId: commitment.id, ownerCode: interview.assessorCode, after: commitment });
        }
        return interview;
      });
    }

    @Mutation(() => InterviewType, {
      name: assessmentOperations(level).correctAssessmentInterview,
      description: '更正约谈记录 Correct the details of an interview (date, interviewee, interviewer, content) until its first follow-up; each correction is audited with its reason (commission staff of the assessing level).',
    })
    correct(
      @Arg('input', () => CorrectAssessmentInterviewInput) input: CorrectAssessmentInterviewInput,
      @Ctx() context: Context,
    ): Promise<AssessmentInterviewEntity> {
      return correctInterview(context, requirePrincipal(context), input);
    }

    @Mutation(() => InterviewType, {
      name: assessmentOperations(level).recordAssessmentFollowUp,
      description: '回访 Record a follow-up visit that checks every open commitment of an interview (commission staff of the assessing level).',
    })
    async followUp(
      @Arg('input', () => RecordAssessmentFollowUpInput) input: RecordAssessmentFollowUpInput,
      @Ctx() context: Context,
    ): Promise<AssessmentInterviewEntity> {
      const principal = requirePrincipal(context);
      const found = await context.loaders.assessmentInterviewById.load(input.interviewId);
      if (!found) throw notFound('assessment interview', input.interviewId);
      assertAssessingCommission(principal, found.assessorCode);
      assertNotInFuture('input.visitedOn', input.visitedOn);
      assertNotBefore('input.visitedOn', input.visitedOn, found.heldOn, { zh: '约谈日期', en: 'interview' });
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const interview = await em.findOneOrFail(AssessmentInterviewEntity, { id: found.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
        const commitments = await em.find(AssessmentCommitmentEntity, { interviewId: interview.id }, { orderBy: { position: 'asc' } });
        const open = commitments.filter((commitment) => commitment.status === 'OPEN');
        if (open.length === 0) throw badUserInput('input.interviewId', '该约谈的整改承诺均已确认 / every commitment of this interview is already confirmed');
        const checked = new Set<string>();
        for (const [index, result] of input.results.entries()) {
          const field = `input.results.${index}.commitmentId`;
          if (!open.some((commitment) => commitment.id === result.commitmentId)) throw badUserInput(field, '不是该约谈尚未确认的整改承诺 / is not an open commitment of this interview');
          if (checked.has(result.commitmentId)) throw badUserInput(field, '重复核查 / is checked twice');
          checked.add(result.commitmentId);
        }
        const unchecked = open.find((commitment) => !checked.has(commitment.id));
        if (unchecked) throw badUserInput('input.results', `第 ${unchecked.position} 项承诺（“${unchecked.content}”）未核查 / commitment ${unchecked.position} ("${unchecked.content}") is not checked`);

        const followUp = em.create(AssessmentFollowUpEntity, {
          interviewId: interview.id,
          visitedOn: input.visitedOn,
          visitor: input.visitor.trim(),
          summary: input.summary.trim(),
          results: input.results.map((result) => ({ commitmentId: result.commitmentId, fulfilled: result.fulfilled, note: result.note.trim() })),
          recordedBy: principal.subject,
        });
        await audit({ action: 'create', entityType: 'AssessmentFollowUp', entityId: followUp.id, ownerCode: interview.assessorCode, after: followUp });
        for (const result of input.results) {
          const commitment = open.find((candidate) => candidate.id === result.commitmentId)!;
          const before = { ...commitment };
          commitment.lastCheckNote = result.note.trim() || null;
          if (result.fulfilled) {
            commitment.status = 'FULFILLED';
            commitment.confirmedOn = input.visitedOn;
            commitment.confirmedByFollowUpId = followUp.id;
          }
          await audit({ action: 'check', entityType: 'AssessmentCommitment', entityId: commitment.id, ownerCode: interview.assessorCode, before, after: commitment });
        }
        const before = { ...interview };
        interview.followUpStatus = commitments.every((commitment) => commitment.status === 'FULFILLED') ? 'CONFIRMED' : 'COMMITMENTS_OPEN';
        await audit({ action: 'follow-up', entityType: 'AssessmentInterview', entityId: interview.id, ownerCode: interview.assessorCode, before, after: interview });
        return interview;
      });
    }
  }
  return InterviewResolver;
}
