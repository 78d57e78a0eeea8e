import { Arg, Ctx, Directive, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { canRead, type Principal } from '../auth/principal';
import { requirePrincipal } from '../authz/guards';
import { badUserInput, forbidden } from '../errors/graphql-errors';
import { LEVELS, type Level } from '../jurisdiction/admin-code';
import { operationsAt } from '../level/operation-table';
import type { SubgraphModule } from '../module/subgraph-module';
import type { SubgraphContext } from '../server/context';
import { ReadTraceEntity, type ReadRecord } from './read-trace.entity';
import { READ_TRACE_OPERATIONS } from './read-trace.operations';

@Directive('@shareable')
@ObjectType('ReadRecordRef', { description: '被读记录 One protected record a request read.' })
export class ReadRecordRef {
  @Field(() => String, { description: '记录类型 The record\'s type: DutyRecord or Attachment.' })
  type!: string;

  @Field(() => ID, { description: '记录标识 The record\'s id.' })
  id!: string;

  @Field(() => ID, { description: '所属辖区 The jurisdiction that owns the record.' })
  ownerCode!: string;
}

@Directive('@shareable')
@ObjectType('ReadTraceEntry', { description: '访问留痕 Who read which protected records, when, through which operation (one entry per request and level).' })
export class ReadTraceEntryType {
  @Field(() => ID, { description: '序号 Position in this level\'s read-trace chain.' })
  seq!: string;

  @Field(() => Date, { description: '时间 When the request read the records.' })
  at!: Date;

  @Field(() => String, { description: '读取人 Token subject of the reader.' })
  actorSubject!: string;

  @Field(() => String, { description: '读取人层级 The reader\'s level: city, district or street.' })
  actorLevel!: string;

  @Field(() => ID, { description: '读取人辖区 The reader\'s jurisdiction code.' })
  actorCode!: string;

  @Field(() => [String], { description: '读取人角色 The reader\'s roles when reading.' })
  actorRoles!: string[];

  @Field(() => String, { nullable: true, description: '操作 The GraphQL operation the read came through.' })
  operation!: string | null;

  @Field(() => String, { nullable: true, description: '请求编号 The request id (x-request-id), as in the logs.' })
  requestId!: string | null;

  @Field(() => [ReadRecordRef], { description: '被读记录 The records read that the caller may see.' })
  records!: ReadRecord[];

  @Field(() => String, { description: '杂凑算法 The hash of this entry: sha256 or sm3.' })
  algorithm!: string;

  @Field(() => String, { description: '前一哈希 The hash of the entry before, hex.' })
  prevHash!: string;

  @Field(() => String, { description: '哈希 This entry\'s hash, hex.' })
  hash!: string;
}

const MAX_PAGE = 100;

interface Row {
  seq: string;
  at: Date;
  actor_subject: string;
  actor_level: string;
  actor_code: string;
  actor_roles: string[];
  operation: string | null;
  request_id: string | null;
  records: ReadRecord[];
  algorithm: string;
  prev_hash: string;
  hash: string;
}

function entryOf(row: Row, principal: Principal): ReadTraceEntryType | null {
  const records = row.records.filter((record) => canRead(principal, record.ownerCode));
  if (records.length === 0) return null;
  return {
    seq: String(row.seq),
    at: new Date(row.at),
    actorSubject: row.actor_subject,
    actorLevel: row.actor_level,
    actorCode: row.actor_code,
    actorRoles: row.actor_roles,
    operation: row.operation,
    requestId: row.request_id,
    records,
    algorithm: row.algorithm,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** "Who has looked at this record" and "what has this principal looked at", newest first, paged by `before`. */
export function createReadTraceModule(level: Level): SubgraphModule<object> {
  const operations = operationsAt(READ_TRACE_OPERATIONS, level, 'read trace');
  function requireCommission(context: SubgraphContext<unknown>): Principal {
    const principal = requirePrincipal(context);
    if (!principal.roles.includes('commission') || LEVELS.indexOf(principal.level) > LEVELS.indexOf(level)) {
      throw forbidden(`只有本级或上级纪委可查看访问留痕 / only the ${level} level's commission or one above may read the read trace`);
    }
    return principal;
  }

  async function page(
    context: SubgraphContext<unknown>,
    principal: Principal,
    condition: string,
    params: unknown[],
    first: number,
    before: string | null | undefined,
  ): Promise<ReadTraceEntryType[]> {
    if (first < 1 || first > MAX_PAGE) throw badUserInput('first', `first 须在 1 到 ${MAX_PAGE} 之间 / first must be between 1 and ${MAX_PAGE}`);
    if (before != null && !/^\d{1,18}$/.test(before)) throw badUserInput('before', 'before 须为留痕序号 / before must be a seq of this trace');
    const rows = await context.em
      .getConnection()
      .execute<Row[]>(
        `select * from "read_trace" where ${condition} ${before != null ? 'and "seq" < ?' : ''} order by "seq" desc limit ?`,
        [...params, ...(before != null ? [before] : []), first],
      );
    return rows.map((row) => entryOf(row, principal)).filter((entry): entry is ReadTraceEntryType => entry !== null);
  }

  @Resolver(() => ReadTraceEntryType)
  class ReadTraceResolver {
    @Query(() => [ReadTraceEntryType], {
      name: operations.recordReads,
      description: '记录访问留痕 Who has read one protected record of this level, newest first (commission of this level or above).',
    })
    async recordReads(
      @Arg('entityType', () => String) entityType: string,
      @Arg('entityId', () => ID) entityId: string,
      @Arg('first', () => Int, { defaultValue: 20 }) first: number,
      @Arg('before', () => ID, { nullable: true, description: 'Entries before this seq (the next page).' }) before: string | null,
      @Ctx() context: SubgraphContext<unknown>,
    ): Promise<ReadTraceEntryType[]> {
      const principal = requireCommission(context);
      return page(context, principal, '"records" @> ?::jsonb', [JSON.stringify([{ type: entityType, id: entityId }])], first, before);
    }

    @Query(() => [ReadTraceEntryType], {
      name: operations.readsBy,
      description: '人员访问留痕 What one principal (token subject) has read in this level, newest first (commission of this level or above).',
    })
    async readsBy(
      @Arg('subject', () => String, { description: '主体 The token subject of the principal.' }) subject: string,
      @Arg('first', () => Int, { defaultValue: 20 }) first: number,
      @Arg('before', () => ID, { nullable: true, description: 'Entries before this seq (the next page).' }) before: string | null,
      @Ctx() context: SubgraphContext<unknown>,
    ): Promise<ReadTraceEntryType[]> {
      const principal = requireCommission(context);
      return page(context, principal, '"actor_subject" = ?', [subject], first, before);
    }
  }

  return { entities: [ReadTraceEntity], resolvers: [ReadTraceResolver], createLoaders: () => ({}) };
}
