import { assertNotInFuture } from '../calendar/date-rules';
import type { JurisdictionLoaders, JurisdictionRecord } from '../jurisdiction/jurisdiction-loaders';
import { operationsAt } from '../level/operation-table';
import { DUTY_REPORT_OPERATIONS } from './duty-report.operations';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Principal } from '../auth/principal';
import { assertCanRead, assertCanWrite, requirePrincipal } from '../authz/guards';
import { badUserInput, notFound } from '../errors/graphql-errors';
import { assertOwnOrDirectlyBelow, assertUnitsExist } from '../jurisdiction/own-or-below';
import { assertAdminCode } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import { runInTransaction } from '../mutation/run-in-transaction';
import { createConnectionType, PageArgs, type Connection } from '../pagination/connection';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import {
  DUTY_REPORT_ENTITIES,
  DutyReportQuestionEntity,
  DutyReportReporterEntity,
  DutyReportSessionEntity,
} from './duty-report.entity';
import {
  AnswerDutyReportQuestionInput,
  AskDutyReportQuestionInput,
  CreateDutyReportSessionInput,
  EvaluateDutyReporterInput,
} from './duty-report.inputs';
import { createDutyReportLoaders, type DutyReportLoaders } from './duty-report.loaders';
import { DutyReportQuestionInterface, DutyReportReporterInterface, DutyReportSessionInterface } from './duty-report.types';

type Context = SubgraphContext<JurisdictionLoaders & DutyReportLoaders>;

/** Only the commission staff of the level that holds a session run it. */
function assertCommissionOf(principal: Principal, ownerCode: string): void {
  assertCanWrite(principal, ownerCode, ['commission']);
}

/**
 * 述责述廉 Duty-and-integrity report sessions held by one level (city or district): the
 * commission creates the session with its reporters, puts questions and evaluates; each
 * reporter's side answers its own questions.
 *
 * Answers are stored with the session, in the holding level's database, rather than in the
 * reporter's: the plenary reviews a session as one record (questions, answers and evaluation
 * side by side, in order), and a reporter of the level's own units has no other database to
 * go to. Ownership of the answer is kept where it matters: only an admin of the reporter's own
 * jurisdiction may write it, and the row records which jurisdiction answered.
 */
export function createDutyReportModule(options: LevelOptions) {
  const { level } = options;
  const operations = operationsAt(DUTY_REPORT_OPERATIONS, level, 'duty-report');

  @Directive('@key(fields: "id")')
  @ObjectType(levelTypeName(level, 'DutyReportSession'), {
    implements: DutyReportSessionInterface,
    description: `述责述廉会议 A duty-report session held by a ${level}.`,
  })
  class SessionType extends DutyReportSessionInterface {}

  @ObjectType(levelTypeName(level, 'DutyReportReporter'), {
    implements: DutyReportReporterInterface,
    description: `述责人 A reporter at a ${level}'s session.`,
  })
  class ReporterType extends DutyReportReporterInterface {}

  @ObjectType(levelTypeName(level, 'DutyReportQuestion'), {
    implements: DutyReportQuestionInterface,
    description: `询问质询 A question at a ${level}'s session.`,
  })
  class QuestionType extends DutyReportQuestionInterface {}

  const SessionConnection = createConnectionType(SessionType, levelTypeName(level, 'DutyReportSession'));

  async function reporterOf(context: Context, id: string, field: string): Promise<DutyReportReporterEntity> {
    const reporter = await context.loaders.dutyReportReporterById.load(assertUuid(id, field));
    if (!reporter) throw notFound('duty report reporter', id);
    return reporter;
  }

  @Resolver(() => SessionType)
  class SessionResolver {
    @Query(() => SessionType, { name: operations.dutyReportSession, nullable: true, description: '述责述廉会议 One session by id.' })
    async session(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<DutyReportSessionEntity | null> {
      const principal = requirePrincipal(context);
      const session = await context.loaders.dutyReportSessionById.load(assertUuid(id, 'id'));
      if (session) assertCanRead(principal, session.ownerCode);
      return session;
    }

    @FieldResolver(() => [ReporterType], { description: '述责人 Reporters, in order of reporting.' })
    reporters(@Root() session: DutyReportSessionEntity, @Ctx() context: Context): Promise<DutyReportReporterEntity[]> {
      return context.loaders.dutyReportReportersBySession.load(session.id);
    }

    @FieldResolver(() => options.jurisdictionType, { name: options.jurisdictionField, nullable: true, description: '召开层级 The level holding the session.' })
    jurisdiction(@Root() session: DutyReportSessionEntity, @Ctx() context: Context): Promise<JurisdictionRecord | null> {
      return context.loaders.jurisdictionByCode.load(session.ownerCode);
    }

    @Mutation(() => SessionType, {
      name: operations.createDutyReportSession,
      description: '召开述责述廉会议 Record a session with its reporters (commission staff of the level).',
    })
    async createSession(
      @Arg('input', () => CreateDutyReportSessionInput) input: CreateDutyReportSessionInput,
      @Ctx() context: Context,
    ): Promise<DutyReportSessionEntity> {
      const principal = requirePrincipal(context);
      assertAdminCode(level, input.ownerCode, 'input.ownerCode');
      assertCommissionOf(principal, input.ownerCode);
      assertNotInFuture('input.heldOn', input.heldOn);
      const seen = new Set<string>();
      input.reporters.forEach((reporter, index) => {
        assertOwnOrDirectlyBelow(input.ownerCode, reporter.jurisdictionCode, `input.reporters.${index}.jurisdictionCode`);
        if (seen.has(reporter.cadreId)) throw badUserInput(`input.reporters.${index}.cadreId`, 'this cadre already reports at the session');
        seen.add(reporter.cadreId);
      });
      await assertUnitsExist(context, input.ownerCode, input.reporters, (index) => `input.reporters.${index}`);
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const session = em.create(DutyReportSessionEntity, {
          ownerCode: input.ownerCode,
          title: input.title.trim(),
          heldOn: input.heldOn,
          createdBy: principal.subject,
        });
        await audit({ action: 'create', entityType: 'DutyReportSession', entityId: session.id, ownerCode: session.ownerCode, after: session });
        for (const [index, reporter] of input.reporters.entries()) {
          const row = em.create(DutyReportReporterEntity, {
            sessionId: session.id,
            ownerCode: session.ownerCode,
            position: index + 1,
            jurisdictionCode: reporter.jurisdictionCode,
            unitId: reporter.unitId,
            unitName: reporter.unitName.trim(),
            cadreId: reporter.cadreId,
            cadreName: reporter.cadreName.trim(),
            cadrePosition: reporter.cadrePosition.trim(),
          });
          await audit({ action: 'create', entityType: 'DutyReportReporter', entityId: row.id, ownerCode: session.ownerCode, after: row });
        }
        return session;
      });
    }
  }

  @Resolver(() => ReporterType)
  class ReporterResolver {
    @FieldResolver(() => [QuestionType], { description: '询问质询 Questions put to this reporter, in the order asked.' })
    questions(@Root() reporter: DutyReportReporterEntity, @Ctx() context: Context): Promise<DutyReportQuestionEntity[]> {
      return context.loaders.dutyReportQuestionsByReporter.load(reporter.id);
    }

    @Mutation(() => ReporterType, {
      name: operations.evaluateDutyReporter,
      description: '述责评价 The plenary\'s evaluation of one reporter (commission staff of the level); a later one replaces it.',
    })
    async evaluate(
      @Arg('reporterId', () => ID) reporterId: string,
      @Arg('input', () => EvaluateDutyReporterInput) input: EvaluateDutyReporterInput,
      @Ctx() context: Context,
    ): Promise<DutyReportReporterEntity> {
      const principal = requirePrincipal(context);
      const existing = await reporterOf(context, reporterId, 'reporterId');
      assertCommissionOf(principal, existing.ownerCode);
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const reporter = await em.findOneOrFail(DutyReportReporterEntity, { id: existing.id });
        const before = { ...reporter };
        reporter.rating = input.rating;
        reporter.score = input.score ?? null;
        reporter.remarks = input.remarks?.trim() || null;
        reporter.evaluatedBy = principal.subject;
        reporter.evaluatedAt = new Date();
        await audit({ action: 'evaluate', entityType: 'DutyReportReporter', entityId: reporter.id, ownerCode: reporter.ownerCode, before, after: reporter });
        return reporter;
      });
    }
  }

  @Resolver(() => QuestionType)
  class QuestionResolver {
    @Mutation(() => QuestionType, {
      name: operations.askDutyReportQuestion,
      description: '询问质询 Put a question to a reporter (commission staff of the level).',
    })
    async ask(@Arg('input', () => AskDutyReportQuestionInput) input: AskDutyReportQuestionInput, @Ctx() context: Context): Promise<DutyReportQuestionEntity> {
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

    @Mutation(() => QuestionType, {
      name: operations.answerDutyReportQuestion,
      description: '回答质询 Answer a question (an admin of the reporter\'s own jurisdiction); a later answer replaces it.',
    })
    async answer(
      @Arg('questionId', () => ID) questionId: string,
      @Arg('input', () => AnswerDutyReportQuestionInput) input: AnswerDutyReportQuestionInput,
      @Ctx() context: Context,
    ): Promise<DutyReportQuestionEntity> {
      const principal = requirePrincipal(context);
      const existing = await context.em.findOne(DutyReportQuestionEntity, { id: assertUuid(questionId, 'questionId') });
      if (!existing) throw notFound('duty report question', questionId);
      const reporter = await reporterOf(context, existing.reporterId, 'questionId');
      // The reporter's side owns what it says: neither the commission nor another jurisdiction may write it.
      assertCanWrite(principal, reporter.jurisdictionCode, ['admin']);
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const question = await em.findOneOrFail(DutyReportQuestionEntity, { id: existing.id });
        const before = { ...question };
        question.answer = input.answer.trim();
        question.answererCode = principal.code;
        question.answeredBy = principal.subject;
        question.answeredAt = new Date();
        await audit({ action: 'answer', entityType: 'DutyReportQuestion', entityId: question.id, ownerCode: question.ownerCode, before, after: question });
        return question;
      });
    }
  }

  @Resolver(() => options.jurisdictionType)
  class JurisdictionSessionsResolver {
    @FieldResolver(() => SessionConnection, { description: '述责述廉会议 Sessions this level held, latest first. Needs a token that may read it.' })
    dutyReportSessions(@Root() jurisdiction: JurisdictionRecord, @Args(() => PageArgs) page: PageArgs, @Ctx() context: Context): Promise<Connection<DutyReportSessionEntity>> {
      assertCanRead(requirePrincipal(context), jurisdiction.code);
      return context.loaders.dutyReportSessionsByOwner(page.first, page.after).load(jurisdiction.code);
    }
  }

  const module: SubgraphModule<DutyReportLoaders> = {
    entities: DUTY_REPORT_ENTITIES,
    resolvers: [SessionResolver, ReporterResolver, QuestionResolver, JurisdictionSessionsResolver],
    referenceResolvers: {
      [levelTypeName(level, 'DutyReportSession')]: {
        __resolveReference: (reference: { id: string }, context: Context) => context.loaders.dutyReportSessionById.load(reference.id),
      },
    },
    createLoaders: createDutyReportLoaders,
  };
  return { ...module, SessionType, ReporterType, QuestionType };
}

