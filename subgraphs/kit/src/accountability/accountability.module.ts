import type { RectificationLoaders } from '../supervision/rectification.module';
import type { JurisdictionLoaders, JurisdictionRecord } from '../jurisdiction/jurisdiction-loaders';
import { LockMode } from '@mikro-orm/core';
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
import { AssessmentSheetEntity } from '../assessment/assessment.entity';
import type { AssessmentLoaders } from '../assessment/assessment.loaders';
import type { Principal } from '../auth/principal';
import { assertCanRead, assertCanWrite, requirePrincipal } from '../authz/guards';
import { today } from '../calendar/calendar-date';
import { DutyRecordEntity } from '../duty-record/duty-record.entity';
import type { DutyRecordLoaders } from '../duty-record/duty-record.loaders';
import { badUserInput, notFound } from '../errors/graphql-errors';
import { assertAdminCode, levelOfCode } from '../jurisdiction/admin-code';
import { levelFieldName, levelTypeName } from '../level/level-names';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import { runInTransaction, type MutationScope } from '../mutation/run-in-transaction';
import { CadreEntity } from '../org/cadre.entity';
import type { OrgLoaders } from '../org/org.loaders';
import { UnitEntity } from '../org/unit.entity';
import { createConnectionType, PageArgs, type ClassType, type Connection } from '../pagination/connection';
import { pagedLoader } from '../pagination/paged-loader';
import { ResponsibilityItemEntity } from '../responsibility/responsibility-item.entity';
import type { ResponsibilityLoaders } from '../responsibility/responsibility.loaders';
import type { SubgraphContext } from '../server/context';
import { RectificationReportEntity, SupervisionFindingEntity } from '../supervision/supervision.entities';
import type { SupervisionLoaders } from '../supervision/supervision.loaders';
import { TaskEntity } from '../task/task.entity';
import type { TaskLoaders } from '../task/task.loaders';
import { assertUuid } from '../validation/assert-uuid';
import { checkSubject } from './accountability-subject';
import { AccountabilityCaseStatus, CADRE_FORMS, UNIT_FORMS, type BasisRecordConcept } from './accountability.enums';
import { AccountabilityBasisEntity, AccountabilityCaseEntity, ACCOUNTABILITY_ENTITIES } from './accountability.entity';
import { AccountabilityBasisInput, DecideAccountabilityCaseInput, OpenAccountabilityCaseInput } from './accountability.inputs';
import { createAccountabilityLoaders, type AccountabilityLoaders, type AccountabilityStats } from './accountability.loaders';
import {
  AccountabilityBasisInterface,
  AccountabilityCaseInterface,
  AccountabilityDecisionType,
  AccountabilityStatsType,
} from './accountability.types';
import { checkBasisReferences, type BasisFacts } from './basis-references';
import { levelBelow } from '../level/level-relations';
import type { AuditedType } from './record-audit-trail.module';

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

/** A key-only stub of the level below's entity: the gateway completes it from its owner. */
function stubOf(typeName: string): ClassType {
  @Directive('@key(fields: "id", resolvable: false)')
  @ObjectType(typeName)
  class Stub {
    @Field(() => ID)
    id!: string;
  }
  return Stub;
}

/** `{ __typename, id }`: what the gateway needs to fetch a record from the level that owns it. */
interface StubValue {
  __typename: string;
  id: string;
}

const LOCAL_CONCEPTS: [Function, BasisRecordConcept | 'Unit' | 'Cadre'][] = [
  [ResponsibilityItemEntity, 'ResponsibilityItem'],
  [TaskEntity, 'Task'],
  [DutyRecordEntity, 'DutyRecord'],
  [SupervisionFindingEntity, 'SupervisionFinding'],
  [RectificationReportEntity, 'RectificationReport'],
  [AssessmentSheetEntity, 'AssessmentScoreSheet'],
  [UnitEntity, 'Unit'],
  [CadreEntity, 'Cadre'],
];

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

  const lower = {
    Cadre: stubOf(levelTypeName(below, 'Cadre')),
    ResponsibilityItem: stubOf(levelTypeName(below, 'ResponsibilityItem')),
    Task: stubOf(levelTypeName(below, 'Task')),
    DutyRecord: stubOf(levelTypeName(below, 'DutyRecord')),
    RectificationReport: stubOf(levelTypeName(below, 'RectificationReport')),
    // Only a district, below the city, supervises and assesses.
    ...(below === 'district'
      ? { SupervisionFinding: stubOf(levelTypeName(below, 'SupervisionFinding')), AssessmentScoreSheet: stubOf(levelTypeName(below, 'AssessmentScoreSheet')) }
      : {}),
  };

  /** A local entity's type name is read off its class; a stub carries its own. */
  const resolveType = (value: StubValue | object): string => {
    if ('__typename' in value) return value.__typename;
    const concept = LOCAL_CONCEPTS.find(([entity]) => value instanceof entity)?.[1];
    if (!concept) throw new Error('accountability: a value of unknown type in a union');
    return name(concept);
  };
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

  /** Finds the case and checks the caller is commission staff of its deciding jurisdiction. */
  async function caseForWrite(context: Context, principal: Principal, caseId: string): Promise<AccountabilityCaseEntity> {
    const found = await context.loaders.accountabilityCaseById.load(assertUuid(caseId, 'caseId'));
    if (!found) throw notFound('accountability case', caseId);
    assertCanWrite(principal, found.jurisdictionCode, ['commission']);
    return found;
  }

  function assertOpen(record: AccountabilityCaseEntity): void {
    if (record.status === 'DECIDED') {
      throw badUserInput('caseId', `case ${record.id} was decided on ${record.decidedOn} (${record.decisionForm}); a decided case is closed`);
    }
  }

  /** Re-reads the case under a row lock: two concurrent changes of one case take turns. */
  function lockCase(scope: MutationScope, id: string): Promise<AccountabilityCaseEntity> {
    return scope.em.findOneOrFail(AccountabilityCaseEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  function createBasisRows(scope: MutationScope, principal: Principal, record: AccountabilityCaseEntity, facts: BasisFacts[], firstPosition: number) {
    // Records cited together are cited at one moment.
    const citedAt = new Date();
    return facts.map((fact, index) =>
      scope.em.create(AccountabilityBasisEntity, {
        caseId: record.id,
        ownerCode: record.jurisdictionCode,
        position: firstPosition + index,
        kind: fact.kind,
        recordLevel: fact.level,
        recordType: fact.recordType,
        recordId: fact.recordId,
        recordOwnerCode: fact.ownerCode,
        note: fact.note,
        citedBy: principal.subject,
        citedAt,
      }),
    );
  }

  @Resolver(() => CaseType)
  class CaseResolver {
    @Query(() => CaseType, { name: levelFieldName(level, 'AccountabilityCase'), nullable: true, description: '问责 One case by id.' })
    async case(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<AccountabilityCaseEntity | null> {
      const principal = requirePrincipal(context);
      const found = await context.loaders.accountabilityCaseById.load(assertUuid(id, 'id'));
      if (found) assertCanRead(principal, found.jurisdictionCode);
      return found;
    }

    @FieldResolver(() => AccountabilityDecisionType, { nullable: true, description: '问责决定 The decision; null while open.' })
    decision(@Root() record: AccountabilityCaseEntity): AccountabilityDecisionType | null {
      if (record.status !== 'DECIDED') return null;
      return {
        form: record.decisionForm!,
        decidingBody: record.decidingBody!,
        decidedOn: record.decidedOn!,
        text: record.decisionText,
        decidedBy: record.decidedBy!,
        decidedAt: record.decidedAt!,
      } as AccountabilityDecisionType;
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
      name: levelFieldName(level, 'AccountabilityCase', 'open'),
      description: '问责立案 Open a case against a unit or cadre, citing at least one record as its basis (commission staff of the deciding level).',
    })
    async open(@Arg('input', () => OpenAccountabilityCaseInput) input: OpenAccountabilityCaseInput, @Ctx() context: Context): Promise<AccountabilityCaseEntity> {
      const principal = requirePrincipal(context);
      assertAdminCode(level, input.jurisdictionCode, 'input.jurisdictionCode');
      assertCanWrite(principal, input.jurisdictionCode, ['commission']);
      if (input.basis.length === 0) throw badUserInput('input.basis', 'a case rests on at least one record: cite its basis (问责依据)');
      await checkSubject(context, level, input.jurisdictionCode, input);
      const facts = await checkBasisReferences(context, principal, level, input.basis, (index) => `input.basis.${index}`);
      return runInTransaction(context, principal, async (scope) => {
        const record = scope.em.create(AccountabilityCaseEntity, {
          jurisdictionCode: input.jurisdictionCode,
          subjectJurisdictionCode: input.subjectJurisdictionCode,
          subjectUnitId: input.subjectUnitId ?? null,
          subjectCadreId: input.subjectCadreId ?? null,
          responsibilityKind: input.responsibilityKind,
          title: input.title.trim(),
          facts: input.facts.trim(),
          openedBy: principal.subject,
        });
        // The columns carry no ORM relation, so the unit of work cannot order the inserts itself.
        await scope.em.flush();
        const basis = createBasisRows(scope, principal, record, facts, 1);
        await scope.audit({ action: 'create', entityType: 'AccountabilityCase', entityId: record.id, ownerCode: record.jurisdictionCode, after: { ...record, basis } });
        return record;
      });
    }

    @Mutation(() => CaseType, {
      name: levelFieldName(level, 'AccountabilityBasis', 'add'),
      description: '补充问责依据 Cite one more record on an open case (commission staff of the deciding level).',
    })
    async addBasis(
      @Arg('caseId', () => ID) caseId: string,
      @Arg('input', () => AccountabilityBasisInput) input: AccountabilityBasisInput,
      @Ctx() context: Context,
    ): Promise<AccountabilityCaseEntity> {
      const principal = requirePrincipal(context);
      const found = await caseForWrite(context, principal, caseId);
      assertOpen(found);
      const [fact] = await checkBasisReferences(context, principal, level, [input], () => 'input');
      return runInTransaction(context, principal, async (scope) => {
        const record = await lockCase(scope, found.id);
        assertOpen(record);
        const cited = await scope.em.find(AccountabilityBasisEntity, { caseId: record.id });
        if (cited.some((basis) => basis.kind === fact.kind && basis.recordId === fact.recordId)) {
          throw badUserInput('input.id', `the case already cites this record (${fact.kind} ${fact.recordId})`);
        }
        const [basis] = createBasisRows(scope, principal, record, [fact], cited.length + 1);
        await scope.audit({ action: 'cite', entityType: 'AccountabilityCase', entityId: record.id, ownerCode: record.jurisdictionCode, after: basis });
        return record;
      });
    }

    @Mutation(() => CaseType, {
      name: levelFieldName(level, 'AccountabilityCase', 'decide'),
      description: '问责决定 Record the decision on an open case: form, deciding body, date (commission staff of the deciding level). A case is decided once.',
    })
    async decide(
      @Arg('caseId', () => ID) caseId: string,
      @Arg('input', () => DecideAccountabilityCaseInput) input: DecideAccountabilityCaseInput,
      @Ctx() context: Context,
    ): Promise<AccountabilityCaseEntity> {
      const principal = requirePrincipal(context);
      const found = await caseForWrite(context, principal, caseId);
      assertOpen(found);
      // 检查、改组 are for organisations; 诫勉、组织调整、纪律处分 for persons; 通报 for both.
      const forms = [...(found.subjectUnitId ? UNIT_FORMS : []), ...(found.subjectCadreId ? CADRE_FORMS : [])];
      if (!forms.includes(input.form)) {
        throw badUserInput('input.form', `${input.form} does not apply to this subject; choose one of ${[...new Set(forms)].join(', ')}`);
      }
      if (input.decidedOn > today()) throw badUserInput('input.decidedOn', `${input.decidedOn} is in the future`);
      return runInTransaction(context, principal, async (scope) => {
        const record = await lockCase(scope, found.id);
        assertOpen(record);
        const before = { ...record };
        record.status = 'DECIDED';
        record.decisionForm = input.form;
        record.decidingBody = input.decidingBody.trim();
        record.decidedOn = input.decidedOn;
        record.decisionText = input.text?.trim() ?? null;
        record.decidedBy = principal.subject;
        record.decidedAt = new Date();
        await scope.audit({ action: 'decide', entityType: 'AccountabilityCase', entityId: record.id, ownerCode: record.jurisdictionCode, before, after: record });
        return record;
      });
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
      description: '依据记录 The cited record as its owning level holds it now (a MISSING_DUTY_RECORD basis gives the task or item; ask for its dutyRecords).',
    })
    record(@Root() basis: AccountabilityBasisEntity, @Ctx() context: Context): Promise<object | null> | StubValue {
      if (basis.recordLevel !== level) return { __typename: levelTypeName(basis.recordLevel, basis.recordType), id: basis.recordId };
      const { loaders } = context;
      switch (basis.recordType) {
        case 'ResponsibilityItem':
          return loaders.responsibilityItemById.load(basis.recordId);
        case 'Task':
          return loaders.taskById.load(basis.recordId);
        case 'DutyRecord':
          return loaders.dutyRecordById.load(basis.recordId);
        case 'SupervisionFinding':
          return loaders.supervisionFindingById.load(basis.recordId);
        case 'RectificationReport':
          return loaders.rectificationReportById.load(basis.recordId);
        case 'AssessmentScoreSheet':
          return loaders.assessmentSheetById.load(basis.recordId);
      }
    }
  }

  @Resolver(() => options.jurisdictionType)
  class JurisdictionCases {
    @FieldResolver(() => CaseConnection, { description: '问责 Cases this jurisdiction decides, newest first. Needs a token that may read it.' })
    accountabilityCases(@Root() jurisdiction: JurisdictionRecord, @Args(() => CaseListArgs) args: CaseListArgs, @Ctx() context: Context): Promise<Connection<AccountabilityCaseEntity>> {
      assertCanRead(requirePrincipal(context), jurisdiction.code);
      const key = `${args.status ?? '*'}:${args.first}:${args.after ?? ''}`;
      const loader = context.loaders.accountabilityCasePages.get(key, () =>
        pagedLoader(context.em, {
          entity: AccountabilityCaseEntity,
          partitionColumn: 'jurisdiction_code',
          sort: { column: 'created_at', property: 'createdAt', direction: 'desc' },
          where: (query) => {
            if (args.status) query.where('status', args.status);
          },
          first: args.first,
          after: args.after,
        }),
      );
      return loader.load(jurisdiction.code);
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
