import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { canRead } from '../../auth/principal';
import { assertCanRead, requirePrincipal } from '../../authz/guards';
import { sensitive } from '../../authz/sensitive-directive';
import { assertAdminCode } from '../../jurisdiction/admin-code';
import { levelTypeName } from '../../level/level-names';
import type { LevelOptions, SubgraphModule } from '../../module/subgraph-module';
import type { UnitEntity } from '../../org/unit.entity';
import type { OrgLoaders } from '../../org/org.loaders';
import type { TaskEntity } from '../../task/task.entity';
import type { TaskLoaders } from '../../task/task.loaders';
import type { ClassType } from '../../pagination/connection';
import type { SubgraphContext } from '../../server/context';
import { assertUuid } from '../../validation/assert-uuid';
import type { SupervisionCheckEntity, SupervisionFindingEntity } from '../supervision.entities';
import type { SupervisionLoaders } from '../supervision.loaders';
import { STATIONED_ENTITIES, type StationedEngagementEntity, type StationedGroupEntity, type StationedTalk } from './stationed.entities';
import { StationedEngagementStatus } from './stationed.enums';
import {
  CloseStationedEngagementInput,
  CreateStationedGroupInput,
  RecordStationedResultsInput,
  StartStationedEngagementInput,
  UpdateStationedGroupInput,
} from './stationed.inputs';
import { createStationedLoaders, type StationedLoaders } from './stationed.loaders';
import { stationedOperations } from './stationed.operations';
import {
  closeStationedEngagement,
  createStationedGroup,
  findingsOfEngagement,
  recordStationedResults,
  startStationedEngagement,
  updateStationedGroup,
} from './stationed.service';
import { StationedEngagementInterface, StationedGroupInterface } from './stationed.types';

type Context = SubgraphContext<StationedLoaders & SupervisionLoaders & Pick<OrgLoaders, 'unitById'> & Pick<TaskLoaders, 'taskById'>>;

export interface StationedModuleTypes {
  UnitType: ClassType;
  TaskType: ClassType;
  CheckType: ClassType;
  FindingType: ClassType;
}

/**
 * 派驻监督 Stationed discipline-inspection groups of a supervising level (city, district) and their
 * engagements (驻点监督 / 进驻式监督). The commission of the level writes; every reader of the
 * level's records (its commission and supervision offices, the host units' side, analysts) reads
 * them, but a talk's summary is CONFIDENTIAL (the commission only); other jurisdictions see
 * nothing (access table, row-level security). Closing an engagement records a stationed check of
 * the host unit, so its findings are the level's ordinary findings.
 */
export function createStationedModule(options: LevelOptions, types: StationedModuleTypes) {
  const { level } = options;
  const operations = stationedOperations(level);
  const name = (concept: string) => levelTypeName(level, concept);
  const { UnitType, TaskType, CheckType, FindingType } = types;

  @ObjectType(name('StationedTalkRecord'), { description: `个别谈话记录 One one-to-one talk of a ${level} stationed group's engagement.` })
  class TalkType {
    @Field(() => String, { description: '谈话日期 Day of the talk (YYYY-MM-DD).' })
    heldOn!: string;

    @Field(() => String, { description: '谈话对象职务 Position of the person talked to.' })
    intervieweePosition!: string;

    @Field(() => String, { description: '谈话对象单位 Unit of the person talked to.' })
    intervieweeUnit!: string;

    @Directive(sensitive('CONFIDENTIAL'))
    @Field(() => String, { nullable: true, description: '谈话摘要 What was said: CONFIDENTIAL, the commission only.' })
    summary!: string | null;
  }

  @Directive('@key(fields: "id")')
  @ObjectType(name('StationedGroup'), { implements: StationedGroupInterface, description: `派驻纪检监察组 A group stationed by a ${level}'s commission.` })
  class GroupType extends StationedGroupInterface {}

  @Directive('@key(fields: "id")')
  @ObjectType(name('StationedEngagement'), { implements: StationedEngagementInterface, description: `驻点/进驻式监督 An engagement of a ${level} stationed group.` })
  class EngagementType extends StationedEngagementInterface {}

  @Resolver(() => GroupType)
  class GroupResolver {
    @Query(() => GroupType, { name: operations.stationedGroup, nullable: true, description: '派驻纪检监察组 One group by id.' })
    async group(@Arg('id', () => ID, { description: '标识 The group\'s id.' }) id: string, @Ctx() context: Context): Promise<StationedGroupEntity | null> {
      const principal = requirePrincipal(context);
      const group = await context.loaders.stationedGroupById.load(assertUuid(id, 'id'));
      if (group) assertCanRead(principal, group.jurisdictionCode);
      return group;
    }

    @Query(() => [GroupType], { name: operations.stationedGroups, description: '派驻纪检监察组 The groups a commission stations, by name.' })
    groups(
      @Arg('commissionCode', () => ID, { description: '派出机关 The commission whose groups are listed.' }) commissionCode: string,
      @Ctx() context: Context,
    ): Promise<StationedGroupEntity[]> {
      const principal = requirePrincipal(context);
      assertAdminCode(level, commissionCode, 'commissionCode');
      assertCanRead(principal, commissionCode);
      return context.loaders.stationedGroupsByCommission.load(commissionCode);
    }

    @FieldResolver(() => [UnitType], { description: '驻在单位及综合监督单位 The units it supervises, the host unit first.' })
    async hostUnits(@Root() group: StationedGroupEntity, @Ctx() context: Context): Promise<UnitEntity[]> {
      const units = await context.loaders.unitById.loadMany(group.hostUnitIds);
      return units.filter((unit): unit is UnitEntity => !!unit && !(unit instanceof Error));
    }

    @FieldResolver(() => [EngagementType], { description: '进驻监督 Its engagements, newest start first.' })
    engagements(@Root() group: StationedGroupEntity, @Ctx() context: Context): Promise<StationedEngagementEntity[]> {
      return context.loaders.stationedEngagementsByGroup.load(group.id);
    }

    @Mutation(() => GroupType, { name: operations.createStationedGroup, description: '设立派驻纪检监察组 Record a group of the caller\'s commission (commission staff).' })
    create(@Arg('input', () => CreateStationedGroupInput) input: CreateStationedGroupInput, @Ctx() context: Context): Promise<StationedGroupEntity> {
      return createStationedGroup(context, level, requirePrincipal(context), input);
    }

    @Mutation(() => GroupType, { name: operations.updateStationedGroup, description: '调整派驻纪检监察组 Rename a group or change its units or members (commission staff; expectedVersion guards against lost updates).' })
    update(@Arg('input', () => UpdateStationedGroupInput) input: UpdateStationedGroupInput, @Ctx() context: Context): Promise<StationedGroupEntity> {
      return updateStationedGroup(context, requirePrincipal(context), input);
    }
  }

  @Resolver(() => EngagementType)
  class EngagementResolver {
    @Query(() => EngagementType, { name: operations.stationedEngagement, nullable: true, description: '驻点/进驻式监督 One engagement by id.' })
    async engagement(@Arg('id', () => ID, { description: '标识 The engagement\'s id.' }) id: string, @Ctx() context: Context): Promise<StationedEngagementEntity | null> {
      const principal = requirePrincipal(context);
      const engagement = await context.loaders.stationedEngagementById.load(assertUuid(id, 'id'));
      if (engagement) assertCanRead(principal, engagement.jurisdictionCode);
      return engagement;
    }

    @FieldResolver(() => StationedEngagementStatus, { description: '进驻状态 Under way or closed.' })
    status(@Root() engagement: StationedEngagementEntity): StationedEngagementStatus {
      return engagement.endedOn === null ? 'IN_PROGRESS' : 'CLOSED';
    }

    @FieldResolver(() => Int, { description: '谈话人次 How many one-to-one talks were held.' })
    talkCount(@Root() engagement: StationedEngagementEntity): number {
      return engagement.talks.length;
    }

    @FieldResolver(() => [TalkType], { description: '个别谈话 The talks held; each summary is CONFIDENTIAL.' })
    talks(@Root() engagement: StationedEngagementEntity): StationedTalk[] {
      return engagement.talks;
    }

    @FieldResolver(() => GroupType, { nullable: true, description: '派驻组 The group.' })
    group(@Root() engagement: StationedEngagementEntity, @Ctx() context: Context): Promise<StationedGroupEntity | null> {
      return context.loaders.stationedGroupById.load(engagement.groupId);
    }

    @FieldResolver(() => UnitType, { nullable: true, description: '被监督单位 The host unit supervised.' })
    hostUnit(@Root() engagement: StationedEngagementEntity, @Ctx() context: Context): Promise<UnitEntity | null> {
      return context.loaders.unitById.load(engagement.unitId);
    }

    @FieldResolver(() => CheckType, { nullable: true, description: '监督检查 The stationed check recorded when it closed.' })
    check(@Root() engagement: StationedEngagementEntity, @Ctx() context: Context): Promise<SupervisionCheckEntity | null> {
      return context.loaders.stationedCheckByEngagement.load(engagement.id);
    }

    @FieldResolver(() => [FindingType], { description: '发现问题 Findings it produced: those of its check, in the ordinary rectification loop.' })
    findings(@Root() engagement: StationedEngagementEntity, @Ctx() context: Context): Promise<SupervisionFindingEntity[]> {
      return findingsOfEngagement(context, engagement);
    }

    @FieldResolver(() => FindingType, { nullable: true, description: '所涉问题 The finding that prompted it, if any.' })
    async reasonFinding(@Root() engagement: StationedEngagementEntity, @Ctx() context: Context): Promise<SupervisionFindingEntity | null> {
      return engagement.reasonFindingId ? context.loaders.supervisionFindingById.load(engagement.reasonFindingId) : null;
    }

    @FieldResolver(() => TaskType, { nullable: true, description: '平台信息 The task the platform flagged that prompted it, if any.' })
    async reasonTask(@Root() engagement: StationedEngagementEntity, @Ctx() context: Context): Promise<TaskEntity | null> {
      return engagement.reasonTaskId ? context.loaders.taskById.load(engagement.reasonTaskId) : null;
    }

    @Mutation(() => EngagementType, {
      name: operations.startStationedEngagement,
      description: '开展驻点/进驻式监督 Start an engagement of a group at one of its units, with the reason and the methods to be used (commission staff).',
    })
    start(@Arg('input', () => StartStationedEngagementInput) input: StartStationedEngagementInput, @Ctx() context: Context): Promise<StationedEngagementEntity> {
      return startStationedEngagement(context, requirePrincipal(context), input);
    }

    @Mutation(() => EngagementType, {
      name: operations.recordStationedResults,
      description: '记录监督成果 Record what the methods produced (talks, reports heard, documents reviewed, questionnaire, democratic evaluation) while the engagement is under way (commission staff).',
    })
    record(@Arg('input', () => RecordStationedResultsInput) input: RecordStationedResultsInput, @Ctx() context: Context): Promise<StationedEngagementEntity> {
      return recordStationedResults(context, requirePrincipal(context), input);
    }

    @Mutation(() => EngagementType, {
      name: operations.closeStationedEngagement,
      description: '结束进驻 Close an engagement: a stationed supervision check of the host unit is recorded with its findings, which the unit then rectifies as any other (commission staff).',
    })
    close(@Arg('input', () => CloseStationedEngagementInput) input: CloseStationedEngagementInput, @Ctx() context: Context): Promise<StationedEngagementEntity> {
      return closeStationedEngagement(context, requirePrincipal(context), input);
    }
  }

  @Resolver(() => CheckType)
  class CheckEngagementResolver {
    @FieldResolver(() => EngagementType, { nullable: true, description: '进驻监督 The stationed group\'s engagement this check closed, if any.' })
    async engagement(@Root() check: SupervisionCheckEntity, @Ctx() context: Context): Promise<StationedEngagementEntity | null> {
      if (!check.engagementId) return null;
      const engagement = await context.loaders.stationedEngagementById.load(check.engagementId);
      return engagement && context.principal && canRead(context.principal, engagement.jurisdictionCode) ? engagement : null;
    }
  }

  @Resolver(() => UnitType)
  class UnitEngagementsResolver {
    @FieldResolver(() => [EngagementType], {
      description: '驻点/进驻式监督 Stationed groups\' engagements at this unit, newest start first: what the unit\'s own side reads of them (talk summaries stay CONFIDENTIAL).',
    })
    stationedEngagements(@Root() unit: UnitEntity, @Ctx() context: Context): Promise<StationedEngagementEntity[]> {
      return context.loaders.stationedEngagementsByUnit.load(unit.id);
    }
  }

  const byId = (load: (context: Context) => { load(id: string): Promise<unknown> }) => ({
    __resolveReference: (reference: { id: string }, context: Context) => load(context).load(reference.id),
  });

  const module: SubgraphModule<StationedLoaders> = {
    entities: STATIONED_ENTITIES,
    resolvers: [GroupResolver, EngagementResolver, CheckEngagementResolver, UnitEngagementsResolver],
    referenceResolvers: {
      [name('StationedGroup')]: byId((context) => context.loaders.stationedGroupById),
      [name('StationedEngagement')]: byId((context) => context.loaders.stationedEngagementById),
    },
    createLoaders: createStationedLoaders,
  };
  return { ...module, GroupType, EngagementType };
}
