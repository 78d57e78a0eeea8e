import { Arg, Ctx, Directive, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requirePrincipal } from '../authz/guards';
import { badUserInput, forbidden } from '../errors/graphql-errors';
import type { Level } from '../jurisdiction/admin-code';
import { levelBelow } from '../level/level-relations';
import type { SubgraphModule } from '../module/subgraph-module';
import type { SubgraphContext } from '../server/context';
import { DutyRecordEntity } from '../duty-record/duty-record.entity';
import { archiveDutyRecords, heldRecordIds, type ArchiveOutcome } from './retention.service';
import { RETENTION_OPERATIONS } from './retention.operations';

type Context = SubgraphContext<unknown>;

@Directive('@shareable')
@ObjectType('DutyRecordArchival', { description: '归档结果 What one archival pass did: records archived, records held by a case under way.' })
export class DutyRecordArchivalType implements ArchiveOutcome {
  @Field(() => String, { description: '截止日期 Records whose latest version occurred before this day (today less the retention period) were due.' })
  cutoff!: string;

  @Field(() => [ID], { description: '已归档 Record ids (recordId) archived by this pass.' })
  archivedRecordIds!: string[];

  @Field(() => [ID], { description: '保全 Record ids past the retention period but held: a case under way cites them as basis.' })
  heldRecordIds!: string[];

  @Field(() => Boolean, { description: '尚有 More records are due than one pass archives (500); call again.' })
  more!: boolean;
}

/** 留存与保全 The commission's archival step, and the hold check the level below asks. */
export function createRetentionModule(level: Level): SubgraphModule {
  const operations = RETENTION_OPERATIONS[level];
  const below = levelBelow(level);

  @Resolver()
  class RetentionResolver {
    @Mutation(() => DutyRecordArchivalType, {
      name: operations.archiveDutyRecords,
      description:
        '归档履职纪实 Archive this jurisdiction\'s duty records past the retention period (RETENTION_YEARS): they leave the default lists, stay readable and are never dropped. ' +
        'Records a case under way cites (here or at the level above) are held and skipped. Commission staff of the jurisdiction only.',
    })
    archive(@Arg('jurisdictionCode', () => ID, { description: '辖区代码 The jurisdiction whose records are archived (the caller\'s own).' }) jurisdictionCode: string, @Ctx() context: Context): Promise<ArchiveOutcome> {
      return archiveDutyRecords(context, requirePrincipal(context), jurisdictionCode);
    }

    @Directive('@inaccessible')
    @Query(() => [ID], {
      name: operations.heldRecordIds,
      description: '保全中的记录（子图间）Which of these record ids a case under way at this level cites; asked by the level below before it archives.',
    })
    async held(@Arg('ids', () => [ID], { description: '记录标识 Record ids of the level below.' }) ids: string[], @Ctx() context: Context): Promise<string[]> {
      if (!below || context.peerCaller !== below) throw forbidden('仅供下级子图调用 / only the level below\'s subgraph asks this');
      if (ids.length > 5000) throw badUserInput('ids', '最多 5000 个标识 / at most 5000 ids');
      return heldRecordIds(context, requirePrincipal(context), ids);
    }
  }

  return { entities: [DutyRecordEntity], resolvers: [RetentionResolver], createLoaders: () => ({}) };
}
