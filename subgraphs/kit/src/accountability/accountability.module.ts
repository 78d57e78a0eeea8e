import type { RectificationLoaders } from '../supervision/rectification.module';
import type { JurisdictionLoaders, JurisdictionRecord } from '../jurisdiction/jurisdiction-loaders';
import { IsEnum, IsOptional } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  createUnionType,
  type ClassType as TypeGraphqlClass,
} from 'type-graphql';
import type { AssessmentLoaders } from '../assessment/assessment.loaders';
import { assertCanRead, requirePrincipal } from '../authz/guards';
import type { DutyRecordLoaders } from '../duty-record/duty-record.loaders';
import { levelOfCode } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import type { CadreEntity } from '../org/cadre.entity';
import type { OrgLoaders } from '../org/org.loaders';
import type { UnitEntity } from '../org/unit.entity';
import { createConnectionType, PageArgs, type ClassType, type Connection } from '../pagination/connection';
import type { ResponsibilityLoaders } from '../responsibility/responsibility.loaders';
import type { SubgraphContext } from '../server/context';
import type { SupervisionLoaders } from '../supervision/supervision.loaders';
import type { TaskLoaders } from '../task/task.loaders';
import { assertUuid } from '../validation/assert-uuid';
import { basisRecord, lowerStubs, unionTypeName, type StubValue } from './accountability-records';
import { AccountabilityCaseStatus } from './accountability.enums';
import { AccountabilityBasisEntity, AccountabilityCaseEntity, ACCOUNTABILITY_ENTITIES } from './accountability.entity';
import { AccountabilityBasisInput, DecideAccountabilityCaseInput, OpenAccountabilityCaseInput } from './accountability.inputs';
import { createAccountabilityLoaders, type AccountabilityLoaders, type AccountabilityStats } from './accountability.loaders';
import { accountabilityOperations } from './accountability.operations';
import { casesOfJurisdiction, citeAccountabilityBasis, decideAccountabilityCase, decisionOf, openAccountabilityCase } from './accountability.service';
import {
  AccountabilityBasisAsCitedType,
  AccountabilityBasisInterface,
  AccountabilityBasisRecordChangeType,
  AccountabilityCaseInterface,
  AccountabilityDecisionType,
  AccountabilityStatsType,
} from './accountability.types';
import { levelBelow } from '../level/level-relations';
import type { AuditedType } from './record-audit-trail.module';
import { GraphQLJSONObject } from 'graphql-scalars';
import { asCitedOf, changedSince, citedRecordNow, noSnapshotReasonOf } from './basis-trace';
import { changesAfter, type RecordChange } from './basis-snapshot';

type Context = SubgraphContext<JurisdictionLoaders & 
  AccountabilityLoaders & RectificationLoaders & OrgLoaders & ResponsibilityLoaders & TaskLoaders & DutyRecordLoaders & SupervisionLoaders & AssessmentLoaders
>;

/** The level's own types that a case points at (from the org, record, supervision and assessment modules). */
export interface AccountabilityOwnTypes {
  UnitType: ClassType;
  CadreType: ClassType;
  ResponsibilityItemType: ClassType;
  TaskType: ClassType;
  DutyRecordType: ClassType;
  FindingType: ClassType;
  ReportType: ClassType;
  SheetType: ClassType;
}

export interface AccountabilityModuleOptions extends LevelOptions {
  own: AccountabilityOwnTypes;
  /**
   * The subgraph's stub of the level below's unit type (`DistrictUnit` in the city subgraph),
   * already defined by the supervision module: one schema holds one class of a name.
   */
  lowerUnitType: ClassType;
}

@ArgsType()
class CaseListArgs extends PageArgs {
  @Field(() => AccountabilityCaseStatus, { nullable: true, description: 'Only cases in this status.' })
  @IsOptional()
  @IsEnum(AccountabilityCaseStatus)
  status?: AccountabilityCaseStatus;
}

/**
 * 问责 Accountability cases of one deciding level (city or district): a case against a unit and/or
 * cadre of the level or the level directly below, the facts, the records it rests on (问责依据)
 * and the decision. Only the level's commission staff open, cite and decide; every change is
 * one transaction with its audit entry.
 *
 * 问责依据在线倒查: a case keeps only references. `basisTrace` returns each cited record as an
 * entity of its owning level — the level's own records loaded here, the level below's as
 * key-only stubs that the gateway completes from that level's subgraph — so one query returns
 * the case, its decision and the records of two levels with their own timestamps, duty records
 * and audit trails (`auditTrail`, contributed by `createRecordAuditTrailModule` in every level).
 */
export function createAccountabilityModule(options: AccountabilityModuleOptions) {
  const { level, own } = options;
  const below = levelBelow(level);
  if (!below) throw new Error(`the ${level} level decides no accountability cases`);
  const name = (concept: string) => levelTypeName(level, concept);
  const operations = accountabilityOperations(level);

  const lower = lowerStubs(below);
  const resolveType = (value: StubValue | object): string => unionTypeName(level, value);
  const union = (unionName: string, description: string, members: ClassType[]) =>
    createUnionType({ name: unionName, description, types: () => members as unknown as [TypeGraphqlClass, ...TypeGraphqlClass[]], resolveType });

  const RecordUnion = union('AccountabilityBasisRecord', '问责依据记录 A cited record, read from the level that owns it.', [
    own.ResponsibilityItemType,
    own.TaskType,
    own.DutyRecordType,
    own.FindingType,
    own.ReportType,
    own.SheetType,
    ...Object.entries(lower).filter(([concept]) => concept !== 'Cadre').map(([, type]) => type),
  ]);
  const SubjectUnitUnion = union('AccountabilitySubjectUnit', '问责单位 The unit held to account, from its own level.', [own.UnitType, options.lowerUnitType]);
  const SubjectCadreUnion = union('AccountabilitySubjectCadre', '问责干部 The cadre held to account, from its own level.', [own.CadreType, lower.Cadre]);

  @Directive('@key(fields: "id")')
  @ObjectType(name('AccountabilityCase'), { implements: AccountabilityCaseInterface, description: `问责 An accountability case decided by a ${level}.` })
  class CaseType extends AccountabilityCaseInterface {}

  @ObjectType(name('AccountabilityBasis'), { implements: AccountabilityBasisInterface, description: `问责依据 A record a ${level} case rests on.` })
  class BasisType extends AccountabilityBasisInterface {}

  const CaseConnection = createConnectionType(CaseType, name('AccountabilityCase'));

  @Resolver(() => CaseType)
  class CaseResolver {
    @Query(() => CaseType, { name: operations.accountabilityCase, nullable: true, description: '问责 One case by id.' })
    async case(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<AccountabilityCaseEntity | null> {
      const principal = requirePrincipal(context);
      const found = await context.loaders.accountabilityCaseById.load(assertUuid(id, 'id'));
      if (found) assertCanRead(principal, found.jurisdictionCode);
      return found;
    }

    @FieldResolver(() => AccountabilityDecisionType, { nullable: true, description: '问责决定 The decision; null while open.' })
    decision(@Root() record: AccountabilityCaseEntity): AccountabilityDecisionType | null {
      return decisionOf(record);
    }

    @FieldResolver(() => SubjectUnitUnion, { nullable: true, description: '问责单位 The unit held to account, read from its own level.' })
    async subjectUnit(@Root() record: AccountabilityCaseEntity, @Ctx() context: Context): Promise<UnitEntity | StubValue | null> {
      if (!record.subjectUnitId) return null;
      if (levelOfCode(record.subjectJurisdictionCode) === level) return context.loaders.unitById.load(record.subjectUnitId);
      return { __typename: levelTypeName(below!, 'Unit'), id: record.subjectUnitId };
    }

    @FieldResolver(() => SubjectCadreUnion, { nullable: true, description: '问责干部 The cadre held to account, read from its own level.' })
    async subjectCadre(@Root() record: AccountabilityCaseEntity, @Ctx() context: Context): Promise<CadreEntity | StubValue | null> {
      if (!record.subjectCadreId) return null;
      if (levelOfCode(record.subjectJurisdictionCode) === level) return context.loaders.cadreById.load(record.subjectCadreId);
      return { __typename: levelTypeName(below!, 'Cadre'), id: record.subjectCadreId };
    }

    @FieldResolver(() => [BasisType], {
      description: '问责依据在线倒查 The records the case rests on, in order of citation; each `record` is read from the level that owns it.',
    })
    basisTrace(@Root() record: AccountabilityCaseEntity, @Ctx() context: Context): Promise<AccountabilityBasisEntity[]> {
      return context.loaders.accountabilityBasisByCase.load(record.id);
    }

    @FieldResolver(() => options.jurisdictionType, { name: options.jurisdictionField, nullable: true, description: '决定层级 The deciding jurisdiction.' })
    jurisdiction(@Root() record: AccountabilityCaseEntity, @Ctx() context: Context): Promise<JurisdictionRecord | null> {
      return context.loaders.jurisdictionByCode.load(record.jurisdictionCode);
    }

    @Mutation(() => CaseType, {
      name: operations.openAccountabilityCase,
      description: '问责立案 Open a case against a unit or cadre, citing at least one record as its basis (commission staff of the deciding level).',
    })
    async open(@Arg('input', () => OpenAccountabilityCaseInput) input: OpenAccountabilityCaseInput, @Ctx() context: Context): Promise<AccountabilityCaseEntity> {
      return openAccountabilityCase(context, requirePrincipal(context), level, input);
    }

    @Mutation(() => CaseType, {
      name: operations.addAccountabilityBasis,
      description: '补充问责依据 Cite one more record on an open case (commission staff of the deciding level).',
    })
    async addBasis(
      @Arg('caseId', () => ID) caseId: string,
      @Arg('input', () => AccountabilityBasisInput) input: AccountabilityBasisInput,
      @Ctx() context: Context,
    ): Promise<AccountabilityCaseEntity> {
      return citeAccountabilityBasis(context, requirePrincipal(context), level, caseId, input);
    }

    @Mutation(() => CaseType, {
      name: operations.decideAccountabilityCase,
      description: '问责决定 Record the decision on an open case: form, deciding body, date (commission staff of the deciding level). A case is decided once.',
    })
    async decide(
      @Arg('caseId', () => ID) caseId: string,
      @Arg('input', () => DecideAccountabilityCaseInput) input: DecideAccountabilityCaseInput,
      @Ctx() context: Context,
    ): Promise<AccountabilityCaseEntity> {
      return decideAccountabilityCase(context, requirePrincipal(context), caseId, input);
    }
  }

  @Resolver(() => BasisType)
  class BasisResolver {
    @FieldResolver(() => String, { description: 'The record\'s GraphQL type, e.g. DistrictTask.' })
    recordTypeName(@Root() basis: AccountabilityBasisEntity): string {
      return levelTypeName(basis.recordLevel, basis.recordType);
    }

    @FieldResolver(() => RecordUnion, {
      nullable: true,
      description: '依据记录 The cited record as its owning level holds it now (a MISSING_DUTY_RECORD basis gives the task or item; ask for its dutyRecords). The same as `current`.',
    })
    record(@Root() basis: AccountabilityBasisEntity, @Ctx() context: Context): Promise<object | null> | StubValue {
      return basisRecord(level, basis, context.loaders);
    }

    @FieldResolver(() => RecordUnion, {
      nullable: true,
      description: '当前记录 The cited record as it stands now, read from its owning level (beside `asCited`, as it was when cited).',
    })
    current(@Root() basis: AccountabilityBasisEntity, @Ctx() context: Context): Promise<object | null> | StubValue {
      return basisRecord(level, basis, context.loaders);
    }

    @FieldResolver(() => AccountabilityBasisAsCitedType, { nullable: true })
    asCited(@Root() basis: AccountabilityBasisEntity): AccountabilityBasisAsCitedType | null {
      return asCitedOf(basis);
    }

    @FieldResolver(() => String, { nullable: true })
    noSnapshotReason(@Root() basis: AccountabilityBasisEntity): string | null {
      return noSnapshotReasonOf(basis);
    }

    @FieldResolver(() => GraphQLJSONObject, { nullable: true })
    async currentSnapshot(@Root() basis: AccountabilityBasisEntity, @Ctx() context: Context): Promise<Record<string, unknown> | null> {
      return (await citedRecordNow(context, level, basis))?.snapshot ?? null;
    }

    @FieldResolver(() => Boolean, { nullable: true })
    async changedSinceCited(@Root() basis: AccountabilityBasisEntity, @Ctx() context: Context): Promise<boolean | null> {
      return changedSince(basis, await citedRecordNow(context, level, basis));
    }

    @FieldResolver(() => [AccountabilityBasisRecordChangeType], { nullable: true })
    async changesSinceCited(@Root() basis: AccountabilityBasisEntity, @Ctx() context: Context): Promise<RecordChange[] | null> {
      const now = await citedRecordNow(context, level, basis);
      return now && changesAfter(now.trail, basis);
    }

    @FieldResolver(() => Boolean, { nullable: true })
    async citedEntryIntact(@Root() basis: AccountabilityBasisEntity, @Ctx() context: Context): Promise<boolean | null> {
      if (basis.citedEntrySeq === null) return null;
      const now = await citedRecordNow(context, level, basis);
      return now && now.trail.some((entry) => entry.seq === basis.citedEntrySeq && entry.hash === basis.citedEntryHash);
    }
  }

  @Resolver(() => options.jurisdictionType)
  class JurisdictionCases {
    @FieldResolver(() => CaseConnection, { description: '问责 Cases this jurisdiction decides, newest first. Needs a token that may read it.' })
    accountabilityCases(@Root() jurisdiction: JurisdictionRecord, @Args(() => CaseListArgs) args: CaseListArgs, @Ctx() context: Context): Promise<Connection<AccountabilityCaseEntity>> {
      assertCanRead(requirePrincipal(context), jurisdiction.code);
      return casesOfJurisdiction(context, jurisdiction.code, args);
    }

    @FieldResolver(() => AccountabilityStatsType, { description: '问责统计 Cases this jurisdiction decides, by status and decision form (one SQL statement).' })
    accountabilityStats(@Root() jurisdiction: JurisdictionRecord, @Ctx() context: Context): Promise<AccountabilityStats> {
      assertCanRead(requirePrincipal(context), jurisdiction.code);
      return context.loaders.accountabilityStats.load(jurisdiction.code);
    }
  }

  const module: SubgraphModule<AccountabilityLoaders> = {
    entities: ACCOUNTABILITY_ENTITIES,
    resolvers: [CaseResolver, BasisResolver, JurisdictionCases],
    // Stubs appear only inside unions; the per-level implementations only behind interfaces.
    orphanedTypes: [BasisType, ...Object.values(lower)],
    referenceResolvers: {
      [name('AccountabilityCase')]: {
        __resolveReference: (reference: { id: string }, context: Context) => context.loaders.accountabilityCaseById.load(reference.id),
      },
    },
    createLoaders: createAccountabilityLoaders,
  };
  /** The case's own audit trail (`CityAccountabilityCase.auditTrail`), for the level's audit-trail module. */
  const auditedTypes: AuditedType[] = [{ type: CaseType, entityType: 'AccountabilityCase' }];
  return { ...module, CaseType, auditedTypes };
}
