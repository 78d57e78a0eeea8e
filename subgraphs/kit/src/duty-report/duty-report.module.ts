import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { assertCanRead, requirePrincipal } from '../authz/guards';
import type { JurisdictionLoaders, JurisdictionRecord } from '../jurisdiction/jurisdiction-loaders';
import { levelTypeName } from '../level/level-names';
import { operationsAt } from '../level/operation-table';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import { createConnectionType, PageArgs, type Connection } from '../pagination/connection';
import type { SubgraphContext } from '../server/context';
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
import { DUTY_REPORT_OPERATIONS } from './duty-report.operations';
import {
  answerDutyReportQuestion,
  askDutyReportQuestion,
  createDutyReportSession,
  evaluateDutyReporter,
  readDutyReportSession,
} from './duty-report.service';
import { DutyReportQuestionInterface, DutyReportReporterInterface, DutyReportSessionInterface } from './duty-report.types';

type Context = SubgraphContext<JurisdictionLoaders & DutyReportLoaders>;

/**
 * 述责述廉 Duty-and-integrity report sessions held by one level (city or district): the
 * commission creates the session with its reporters, puts questions and evaluates; each
 * reporter's side answers its own questions.
 *
 * Answers are stored with the session, in the holding level's database, rather than in the
 * reporter's: the plenary reviews a session as one record (questions, answers and evaluation
 * side by side, in order), and a reporter of the level's own units has no other database to
 * go to. Ownership of the answer is kept where it matters: only an admin of the reporter's own
 * jurisdiction may write it, and the row records which jurisdiction answered. The steps are in
 * `duty-report.service.ts`; this module keeps the per-level types and thin resolvers.
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

  @Resolver(() => SessionType)
  class SessionResolver {
    @Query(() => SessionType, { name: operations.dutyReportSession, nullable: true, description: '述责述廉会议 One session by id.' })
    session(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<DutyReportSessionEntity | null> {
      return readDutyReportSession(context, id);
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
    createSession(
      @Arg('input', () => CreateDutyReportSessionInput) input: CreateDutyReportSessionInput,
      @Ctx() context: Context,
    ): Promise<DutyReportSessionEntity> {
      return createDutyReportSession(context, level, input);
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
    evaluate(
      @Arg('reporterId', () => ID) reporterId: string,
      @Arg('input', () => EvaluateDutyReporterInput) input: EvaluateDutyReporterInput,
      @Ctx() context: Context,
    ): Promise<DutyReportReporterEntity> {
      return evaluateDutyReporter(context, reporterId, input);
    }
  }

  @Resolver(() => QuestionType)
  class QuestionResolver {
    @Mutation(() => QuestionType, {
      name: operations.askDutyReportQuestion,
      description: '询问质询 Put a question to a reporter (commission staff of the level).',
    })
    ask(@Arg('input', () => AskDutyReportQuestionInput) input: AskDutyReportQuestionInput, @Ctx() context: Context): Promise<DutyReportQuestionEntity> {
      return askDutyReportQuestion(context, input);
    }

    @Mutation(() => QuestionType, {
      name: operations.answerDutyReportQuestion,
      description: '回答质询 Answer a question (an admin of the reporter\'s own jurisdiction); a later answer replaces it.',
    })
    answer(
      @Arg('questionId', () => ID) questionId: string,
      @Arg('input', () => AnswerDutyReportQuestionInput) input: AnswerDutyReportQuestionInput,
      @Ctx() context: Context,
    ): Promise<DutyReportQuestionEntity> {
      return answerDutyReportQuestion(context, questionId, input);
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

