import { Arg, Ctx, FieldResolver, Int, Resolver, Root, createUnionType, type ClassType as TypeGraphqlClass } from 'type-graphql';
import { canRead } from '../auth/principal';
import { requirePrincipal } from '../authz/guards';
import { badUserInput } from '../errors/graphql-errors';
import type { Level } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import { levelAbove } from '../level/level-relations';
import type { SubgraphModule } from '../module/subgraph-module';
import type { ClassType } from '../pagination/connection';
import type { SubgraphContext } from '../server/context';
import type { TaskEntity } from '../task/task.entity';
import type { TaskLoaders } from '../task/task.loaders';
import { DirectiveEntity } from './directive.entity';
import type { DirectiveIssuerLoaders } from './directive.loaders';

type Context = SubgraphContext<TaskLoaders & Partial<DirectiveIssuerLoaders>>;

/** How many answering tasks one list answers at most. */
export const MAX_ANSWERING_TASKS = 200;

export interface DirectiveTasksOptions {
  level: Level;
  TaskType: ClassType;
  /** This level's own directive type, when it issues directives (city, district). */
  DirectiveType?: ClassType;
  /** This subgraph's key of the level above's directive, when it answers them (district, street). */
  IssuedDirectiveRef?: ClassType;
}

function assertFirst(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_ANSWERING_TASKS) {
    throw badUserInput('first', `条数须在 0 到 ${MAX_ANSWERING_TASKS} 之间 / first must be between 0 and ${MAX_ANSWERING_TASKS}, got ${first}`);
  }
}

/** The tasks of this level that name the directive, those of jurisdictions the reader may read (a district: its own). */
async function tasksAnswering(context: Context, directiveId: string, first: number): Promise<TaskEntity[]> {
  assertFirst(first);
  const principal = requirePrincipal(context);
  const tasks = await context.loaders.tasksByDirective.load(directiveId);
  return tasks.filter((task) => canRead(principal, task.jurisdictionCode)).slice(0, first);
}

/**
 * 任务落实指令 A task names the directive it answers (`directive`), and the directive lists the
 * tasks that name it: `answeringTasks` is contributed by the addressees' subgraph to the level
 * above's directive (`CityDirective.answeringTasks` comes from the district subgraph), and
 * `issuerTasks` lists the issuing jurisdiction's own tasks that answer its directive. Tasks live
 * in their own level's database, so the directive's owner never stores who answers it; every
 * cross-level field is nullable (a level that is down answers null on its own fields only).
 */
export function createDirectiveTasksModule(options: DirectiveTasksOptions): SubgraphModule {
  const { level, TaskType, DirectiveType, IssuedDirectiveRef } = options;
  const above = levelAbove(level);
  const ownTypeName = levelTypeName(level, 'Directive');
  const members = [IssuedDirectiveRef, DirectiveType].filter((type): type is ClassType => type !== undefined);
  if (members.length === 0) throw new Error(`a ${level} neither issues nor answers directives`);

  const AnsweredDirectiveUnion = createUnionType({
    name: 'AnsweredDirective',
    description: '落实的指令 The directive a task answers: its own jurisdiction\'s, or one from the level above addressed to it.',
    types: () => members as unknown as [TypeGraphqlClass, ...TypeGraphqlClass[]],
    resolveType: (value: object) => (value instanceof DirectiveEntity ? ownTypeName : (value as { __typename: string }).__typename),
  });

  @Resolver(() => TaskType)
  class TaskDirectiveResolver {
    @FieldResolver(() => AnsweredDirectiveUnion, {
      nullable: true,
      description: '落实的指令 The directive the task answers, resolved by the level that issued it; null when it answers none (or that level does not answer).',
    })
    async directive(@Root() task: TaskEntity, @Ctx() context: Context): Promise<object | null> {
      if (!task.directiveId) return null;
      // The level's own directive is here; any other the task may name is the level above's.
      const own = DirectiveType && context.loaders.directiveById ? await context.loaders.directiveById.load(task.directiveId) : null;
      if (own) return own;
      return IssuedDirectiveRef && above ? { __typename: levelTypeName(above, 'Directive'), id: task.directiveId } : null;
    }
  }

  const resolvers: Function[] = [TaskDirectiveResolver];

  if (IssuedDirectiveRef && above) {
    @Resolver(() => IssuedDirectiveRef)
    class AnsweringTasksResolver {
      @FieldResolver(() => [TaskType], {
        nullable: true,
        description: `落实任务 Tasks of the addressed ${level}s that answer this directive, by jurisdiction and due date; each reader sees those of jurisdictions it may read. Null when that level does not answer.`,
      })
      answeringTasks(
        @Root() directive: { id: string },
        @Ctx() context: Context,
        @Arg('first', () => Int, { defaultValue: 50, description: `条数 At most this many tasks (0–${MAX_ANSWERING_TASKS}).` }) first: number,
      ): Promise<TaskEntity[]> {
        return tasksAnswering(context, directive.id, first);
      }
    }
    resolvers.push(AnsweringTasksResolver);
  }

  if (DirectiveType) {
    @Resolver(() => DirectiveType)
    class IssuerTasksResolver {
      @FieldResolver(() => [TaskType], {
        description: `本级落实任务 The issuing ${level}'s own tasks that answer this directive, by due date (the addressees' tasks are answeringTasks).`,
      })
      issuerTasks(
        @Root() directive: DirectiveEntity,
        @Ctx() context: Context,
        @Arg('first', () => Int, { defaultValue: 50, description: `条数 At most this many tasks (0–${MAX_ANSWERING_TASKS}).` }) first: number,
      ): Promise<TaskEntity[]> {
        return tasksAnswering(context, directive.id, first);
      }
    }
    resolvers.push(IssuerTasksResolver);
  }

  return { entities: [], resolvers, createLoaders: () => ({}) };
}
