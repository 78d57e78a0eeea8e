import { today } from '../calendar/calendar-date';
import { overdueCondition } from '../calendar/overdue-rule';
import { FINDING_OVERDUE } from './finding-status';
import { levelBelow } from '../level/level-relations';
import { randomInt } from 'node:crypto';
import { IsBoolean, IsEnum, IsOptional } from 'class-validator';
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
} from 'type-graphql';
import type { Principal } from '../auth/principal';
import { canRead } from '../auth/principal';
import { assertCanRead, assertCanWrite, requirePrincipal } from '../authz/guards';
import { badUserInput, forbidden, notFound } from '../errors/graphql-errors';
import { assertAdminCode, levelOfCode, parentCode } from '../jurisdiction/admin-code';
import { levelFieldName, levelTypeName, TYPE_PREFIX } from '../level/level-names';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import { runInTransaction } from '../mutation/run-in-transaction';
import { UnitEntity } from '../org/unit.entity';
import { createConnectionType, PageArgs, type ClassType, type Connection } from '../pagination/connection';
import { pagedLoader } from '../pagination/paged-loader';
import { askPeer, RECTIFICATION_REPORT } from '../cross-level/peer-operations';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { applyFindingStep, isFindingOverdue, recordFindingReport } from './finding-transitions';
import { drawQuarter } from './plan-draw';
import { SupervisionFindingStatus } from './supervision.enums';
import {
  AddSupervisionContactInput,
  CreateFollowUpCheckInput,
  CreateSupervisionCheckInput,
  CreateSupervisionOfficeInput,
  DrawSupervisionPlanInput,
} from './supervision.inputs';
import {
  RectificationReportEntity,
  SupervisionCheckEntity,
  SupervisionContactEntity,
  SupervisionFindingEntity,
  SupervisionOfficeEntity,
  SupervisionPlanEntity,
  type SupervisionFindingEventEntity,
  SUPERVISION_CHECK_ENTITIES,
} from './supervision.entities';
import { createSupervisionLoaders, type FindingStats, type SupervisionLoaders } from './supervision.loaders';
import {
  SupervisionCheckInterface,
  SupervisionFindingInterface,
  SupervisionFindingStatsType,
  SupervisionFindingStepType,
  SupervisionOfficeInterface,
  SupervisionPlanInterface,
} from './supervision.types';

type Context = SubgraphContext<SupervisionLoaders>;


@ArgsType()
class FindingListArgs extends PageArgs {
  @Field(() => SupervisionFindingStatus, { nullable: true, description: 'Only findings in this status.' })
  @IsOptional()
  @IsEnum(SupervisionFindingStatus)
  status?: SupervisionFindingStatus;

  @Field(() => Boolean, { defaultValue: false, description: '逾期 Only findings whose rectification is overdue.' })
  @IsBoolean()
  overdueOnly: boolean = false;
}

/** Who may read a supervision record: the supervising side, and the supervised unit's side. */
function assertCanSee(principal: Principal, record: { jurisdictionCode: string; unitJurisdictionCode: string }): void {
  if (!canRead(principal, record.jurisdictionCode) && !canRead(principal, record.unitJurisdictionCode)) {
    throw forbidden(`${principal.code} may not read supervision records of ${record.jurisdictionCode}`);
  }
}

/**
 * 监督检查 Supervision by one supervising level (the city, or a district): offices and their contact
 * units, quarterly draws, checks, findings and the review of rectification reports. The supervised
 * units are the level's own units and those of the level directly below; their rectification
 * reports live in their own level (see `createRectificationModule`).
 *
 * `unitType` is this level's own unit type (from the org module); units of the level below are
 * referenced through a key-only stub that the gateway completes. `lowerJurisdictionType` is the
 * subgraph's own stub of the level below's jurisdiction type
 * (`District` in the city subgraph), shared with the other modules that add fields to it, since
 * one schema can hold only one class of that name.
 */
export function createSupervisionModule(
  options: LevelOptions,
  unitType: ClassType,
  lowerJurisdictionType: ClassType,
) {
  const { level } = options;
  const below = levelBelow(level);
  if (!below) throw new Error(`the ${level} level supervises no level below it`);
  const P = TYPE_PREFIX[level];
  const name = (concept: string) => levelTypeName(level, concept);

  @Directive('@key(fields: "id", resolvable: false)')
  @ObjectType(levelTypeName(below, 'Unit'))
  class LowerUnitRef {
    @Field(() => ID)
    id!: string;
  }

  @ObjectType(name('SupervisionContact'), { description: '联系单位 A contact unit of a supervision office.' })
  class ContactType {
    @Field(() => ID)
    unitId!: string;

    @Field(() => ID)
    unitJurisdictionCode!: string;
  }

  @Directive('@key(fields: "id")')
  @ObjectType(name('SupervisionOffice'), { implements: SupervisionOfficeInterface, description: `监督检查室 A supervision office of a ${level}.` })
  class OfficeType extends SupervisionOfficeInterface {}

  @Directive('@key(fields: "id")')
  @ObjectType(name('SupervisionPlan'), { implements: SupervisionPlanInterface })
  class PlanType extends SupervisionPlanInterface {}

  @Directive('@key(fields: "id")')
  @ObjectType(name('SupervisionCheck'), { implements: SupervisionCheckInterface })
  class CheckType extends SupervisionCheckInterface {}

  @Directive('@key(fields: "id")')
  @ObjectType(name('SupervisionFinding'), { implements: SupervisionFindingInterface })
  class FindingType extends SupervisionFindingInterface {}

  const FindingConnection = createConnectionType(FindingType, name('SupervisionFinding'));

  /** `CityUnit` for the level's own units, a `DistrictUnit` stub for the level below's. */
  function unitFieldsResolver(target: ClassType) {
    @Resolver(() => target)
    class UnitFields {
      @FieldResolver(() => unitType, { name: `${level}Unit`, nullable: true, description: `单位 The unit, when it is a ${level} unit.` })
      async ownUnit(@Root() record: { unitId: string; unitJurisdictionCode: string }, @Ctx() context: Context): Promise<UnitEntity | null> {
        if (levelOfCode(record.unitJurisdictionCode) !== level) return null;
        return context.em.findOne(UnitEntity, { id: record.unitId });
      }

      @FieldResolver(() => LowerUnitRef, { name: `${below}Unit`, nullable: true, description: `单位 The unit, when it is a ${below} unit.` })
      lowerUnit(@Root() record: { unitId: string; unitJurisdictionCode: string }): { id: string } | null {
        return levelOfCode(record.unitJurisdictionCode) === below ? { id: record.unitId } : null;
      }
    }
    return UnitFields;
  }

  async function officeForWrite(context: Context, principal: Principal, id: string, field: string): Promise<SupervisionOfficeEntity> {
    const office = await context.loaders.supervisionOfficeById.load(assertUuid(id, field));
    if (!office) throw notFound('supervision office', id);
    assertCanWrite(principal, office.jurisdictionCode, ['commission']);
    return office;
  }

  /** A supervised unit is one of the supervising jurisdiction's own units or of a jurisdiction directly below. */
  async function assertSupervisable(context: Context, owner: string, unitId: string, unitCode: string, prefix: string) {
    if (unitCode !== owner && !(levelOfCode(unitCode) === below && parentCode(unitCode) === owner)) {
      throw badUserInput(`${prefix}.unitJurisdictionCode`, `${unitCode} is not supervised by ${owner}`);
    }
    // Units of the own level can be checked here; the level below's are in another database.
    if (unitCode === owner) {
      const unit = await context.em.findOne(UnitEntity, { id: unitId });
      if (!unit || unit.jurisdictionCode !== owner) throw badUserInput(`${prefix}.unitId`, `no unit ${unitId} in ${owner}`);
    }
  }

  async function planDraw(context: Context, office: SupervisionOfficeEntity, year: number, quarter: number, seed: number) {
    const [contacts, plans] = await Promise.all([
      context.em.find(SupervisionContactEntity, { officeId: office.id }),
      context.em.find(SupervisionPlanEntity, { officeId: office.id, year }),
    ]);
    if (contacts.length === 0) throw badUserInput('input.officeId', 'the office has no contact units to draw from');
    if (plans.some((plan) => plan.quarter === quarter)) {
      throw badUserInput('input.quarter', `Q${quarter} ${year} is already drawn for this office`);
    }
    if (quarter > 1 && !plans.some((plan) => plan.quarter === quarter - 1)) {
      throw badUserInput('input.quarter', `draw Q${quarter - 1} ${year} first: each quarter leaves out the units drawn before it`);
    }
    return drawQuarter({
      contactUnitIds: contacts.map((contact) => contact.unitId),
      drawnEarlierThisYear: plans.filter((plan) => plan.quarter < quarter).flatMap((plan) => plan.unitIds),
      seed,
    });
  }

  /** The supervising side must see the report before deciding on it: it lives in the unit's level. */
  async function assertReportExists(context: Context, finding: SupervisionFindingEntity): Promise<string> {
    const reportId = finding.lastReportId!;
    const unitLevel = levelOfCode(finding.unitJurisdictionCode)!;
    let report: { id: string; findingId: string } | null;
    if (unitLevel === level) {
      report = await context.em.findOne(RectificationReportEntity, { id: reportId });
    } else {
      ({ report } = await askPeer(context, RECTIFICATION_REPORT, unitLevel, undefined, { id: reportId }));
    }
    if (!report || report.findingId !== finding.id) {
      throw badUserInput('id', `the rectification report ${reportId} of this finding does not exist`);
    }
    return reportId;
  }

  async function decide(context: Context, id: string, event: 'ACCEPTED' | 'SENT_BACK', comment: string | undefined) {
    const principal = requirePrincipal(context);
    const existing = await context.loaders.supervisionFindingById.load(assertUuid(id, 'id'));
    if (!existing) throw notFound('supervision finding', id);
    assertCanWrite(principal, existing.jurisdictionCode, ['commission']);
    if (existing.status !== 'REPORTED') {
      throw badUserInput('id', `finding ${id} is ${existing.status}; only a REPORTED finding can be ${event === 'ACCEPTED' ? 'accepted' : 'sent back'}`);
    }
    const reportId = await assertReportExists(context, existing);
    return runInTransaction(context, principal, async (scope) => {
      const finding = await scope.em.findOneOrFail(SupervisionFindingEntity, { id: existing.id });
      return applyFindingStep(scope, principal, finding, { event, field: 'id', reportId, comment });
    });
  }

  @Resolver(() => OfficeType)
  class OfficeResolver {
    @Query(() => OfficeType, { name: levelFieldName(level, 'SupervisionOffice'), nullable: true, description: '监督检查室 One office by id.' })
    async office(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<SupervisionOfficeEntity | null> {
      const principal = requirePrincipal(context);
      const office = await context.loaders.supervisionOfficeById.load(assertUuid(id, 'id'));
      if (office) assertCanRead(principal, office.jurisdictionCode);
      return office;
    }

    @FieldResolver(() => [ContactType], { description: '联系单位 The office\'s contact units.' })
    contacts(@Root() office: SupervisionOfficeEntity, @Ctx() context: Context): Promise<SupervisionContactEntity[]> {
      return context.loaders.supervisionContactsByOffice.load(office.id);
    }

    @FieldResolver(() => [PlanType], { description: '季度抽查计划 The office\'s quarterly draws, oldest first.' })
    plans(@Root() office: SupervisionOfficeEntity, @Ctx() context: Context): Promise<SupervisionPlanEntity[]> {
      return context.loaders.supervisionPlansByOffice.load(office.id);
    }

    @Mutation(() => OfficeType, { name: levelFieldName(level, 'SupervisionOffice', 'create'), description: '新建监督检查室 Create a supervision office.' })
    async createOffice(@Arg('input', () => CreateSupervisionOfficeInput) input: CreateSupervisionOfficeInput, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      assertAdminCode(level, input.jurisdictionCode, 'input.jurisdictionCode');
      assertCanWrite(principal, input.jurisdictionCode, ['commission']);
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const office = em.create(SupervisionOfficeEntity, { jurisdictionCode: input.jurisdictionCode, name: input.name.trim() });
        await audit({ action: 'create', entityType: 'SupervisionOffice', entityId: office.id, ownerCode: office.jurisdictionCode, after: office });
        return office;
      });
    }

    @Mutation(() => OfficeType, { name: levelFieldName(level, 'SupervisionContact', 'add'), description: '新增联系单位 Add a contact unit to an office.' })
    async addContact(@Arg('input', () => AddSupervisionContactInput) input: AddSupervisionContactInput, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      const office = await officeForWrite(context, principal, input.officeId, 'input.officeId');
      await assertSupervisable(context, office.jurisdictionCode, input.unitId, input.unitJurisdictionCode, 'input');
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const contact = em.create(SupervisionContactEntity, {
          officeId: office.id,
          unitId: input.unitId,
          unitJurisdictionCode: input.unitJurisdictionCode,
        });
        await audit({ action: 'create', entityType: 'SupervisionContact', entityId: contact.id, ownerCode: office.jurisdictionCode, after: contact });
        return office;
      });
    }
  }

  @Resolver(() => PlanType)
  class PlanResolver {
    @Query(() => [ID], {
      name: levelFieldName(level, 'SupervisionPlan', 'preview'),
      description: '抽查预演 The units a draw with this seed would pick, without recording it (same seed, same picks).',
    })
    async preview(
      @Arg('input', () => DrawSupervisionPlanInput) input: DrawSupervisionPlanInput,
      @Ctx() context: Context,
    ): Promise<string[]> {
      const principal = requirePrincipal(context);
      if (input.seed === undefined) throw badUserInput('input.seed', 'a preview needs a seed');
      const office = await context.loaders.supervisionOfficeById.load(assertUuid(input.officeId, 'input.officeId'));
      if (!office) throw notFound('supervision office', input.officeId);
      assertCanRead(principal, office.jurisdictionCode);
      return planDraw(context, office, input.year, input.quarter, input.seed);
    }

    @FieldResolver(() => OfficeType)
    office(@Root() plan: SupervisionPlanEntity, @Ctx() context: Context) {
      return context.loaders.supervisionOfficeById.load(plan.officeId);
    }

    @Mutation(() => PlanType, {
      name: levelFieldName(level, 'SupervisionPlan', 'draw'),
      description: '季度抽查 Draw a quarter (ceil(n/4)) of the office\'s contact units for on-site checks; units drawn earlier this year wait until all were drawn. Records the plan and its seed.',
    })
    async draw(@Arg('input', () => DrawSupervisionPlanInput) input: DrawSupervisionPlanInput, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      const office = await officeForWrite(context, principal, input.officeId, 'input.officeId');
      const seed = input.seed ?? randomInt(1, 2_147_483_647);
      const unitIds = await planDraw(context, office, input.year, input.quarter, seed);
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const plan = em.create(SupervisionPlanEntity, {
          officeId: office.id,
          jurisdictionCode: office.jurisdictionCode,
          year: input.year,
          quarter: input.quarter,
          seed,
          unitIds,
          drawnBy: principal.subject,
        });
        await audit({ action: 'draw', entityType: 'SupervisionPlan', entityId: plan.id, ownerCode: plan.jurisdictionCode, after: plan });
        return plan;
      });
    }
  }

  @Resolver(() => CheckType)
  class CheckResolver {
    @Query(() => CheckType, { name: levelFieldName(level, 'SupervisionCheck'), nullable: true, description: '监督检查 One check by id.' })
    async check(@Arg('id', () => ID) id: string, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      const check = await context.loaders.supervisionCheckById.load(assertUuid(id, 'id'));
      if (check) assertCanSee(principal, check);
      return check;
    }

    @FieldResolver(() => [FindingType], { description: '问题 Findings raised by this check.' })
    findings(@Root() check: SupervisionCheckEntity, @Ctx() context: Context) {
      return context.loaders.supervisionFindingsByCheck.load(check.id);
    }

    @Mutation(() => CheckType, {
      name: levelFieldName(level, 'SupervisionCheck', 'create'),
      description: '监督检查 Record a check of a unit, with spot-checked items and the findings it raised.',
    })
    async createCheck(@Arg('input', () => CreateSupervisionCheckInput) input: CreateSupervisionCheckInput, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      let owner = principal.code;
      let officeId = input.officeId ?? null;
      if (input.planId) {
        const plan = await context.loaders.supervisionPlanById.load(input.planId);
        if (!plan) throw notFound('supervision plan', input.planId);
        if (officeId && officeId !== plan.officeId) throw badUserInput('input.officeId', 'the plan belongs to another office');
        officeId = plan.officeId;
        owner = plan.jurisdictionCode;
        assertCanWrite(principal, owner, ['commission']);
        const contacts = await context.loaders.supervisionContactsByOffice.load(plan.officeId);
        if (!contacts.some((contact) => contact.unitId === input.unitId)) {
          throw badUserInput('input.unitId', `unit ${input.unitId} is not a contact unit of the plan's office`);
        }
        if (!plan.unitIds.includes(input.unitId)) {
          throw badUserInput('input.unitId', `unit ${input.unitId} was not drawn in Q${plan.quarter} ${plan.year}`);
        }
        if (input.mode !== 'ON_SITE') throw badUserInput('input.mode', 'a planned check is on site');
      } else if (officeId) {
        owner = (await officeForWrite(context, principal, officeId, 'input.officeId')).jurisdictionCode;
      }
      assertAdminCode(level, owner, 'input.officeId');
      assertCanWrite(principal, owner, ['commission']);
      await assertSupervisable(context, owner, input.unitId, input.unitJurisdictionCode, 'input');
      input.spotChecks.forEach((spot, index) => {
        if (!spot.description && !spot.responsibilityItemId) {
          throw badUserInput(`input.spotChecks.${index}`, 'name the item: a description or a responsibility item id');
        }
      });
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const check = em.create(SupervisionCheckEntity, {
          jurisdictionCode: owner,
          officeId,
          planId: input.planId ?? null,
          unitId: input.unitId,
          unitJurisdictionCode: input.unitJurisdictionCode,
          kind: 'ROUTINE',
          mode: input.mode,
          stationed: input.stationed,
          methods: input.methods,
          spotChecks: input.spotChecks.map((spot) => ({
            description: spot.description?.trim() ?? null,
            responsibilityItemId: spot.responsibilityItemId ?? null,
          })),
          checkedOn: input.checkedOn,
          summary: input.summary.trim(),
          createdBy: principal.subject,
        });
        await audit({ action: 'create', entityType: 'SupervisionCheck', entityId: check.id, ownerCode: owner, after: check });
        for (const spec of input.findings) {
          const finding = em.create(SupervisionFindingEntity, {
            jurisdictionCode: owner,
            checkId: check.id,
            unitId: check.unitId,
            unitJurisdictionCode: check.unitJurisdictionCode,
            cadreId: spec.cadreId ?? null,
            responsibilityItemId: spec.responsibilityItemId ?? null,
            taskId: spec.taskId ?? null,
            description: spec.description.trim(),
            deadline: spec.deadline,
          });
          await audit({ action: 'create', entityType: 'SupervisionFinding', entityId: finding.id, ownerCode: owner, after: finding });
        }
        return check;
      });
    }

    @Mutation(() => CheckType, {
      name: levelFieldName(level, 'SupervisionFollowUp', 'create'),
      description: '回头看 A follow-up check of closed findings of one unit: each stayed fixed (CONFIRMED) or is re-opened (REOPENED, 查而不改).',
    })
    async createFollowUp(@Arg('input', () => CreateFollowUpCheckInput) input: CreateFollowUpCheckInput, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      const owner = input.officeId ? (await officeForWrite(context, principal, input.officeId, 'input.officeId')).jurisdictionCode : principal.code;
      assertAdminCode(level, owner, 'input.officeId');
      assertCanWrite(principal, owner, ['commission']);
      await assertSupervisable(context, owner, input.unitId, input.unitJurisdictionCode, 'input');
      if (input.outcomes.length === 0) throw badUserInput('input.outcomes', 'a follow-up check reviews at least one finding');
      const findings = await Promise.all(input.outcomes.map((outcome) => context.loaders.supervisionFindingById.load(outcome.findingId)));
      findings.forEach((finding, index) => {
        const field = `input.outcomes.${index}`;
        if (!finding || finding.jurisdictionCode !== owner || finding.unitId !== input.unitId) {
          throw badUserInput(`${field}.findingId`, `no finding ${input.outcomes[index].findingId} of ${owner} against this unit`);
        }
        if (!input.outcomes[index].stillRectified && !input.outcomes[index].newDeadline) {
          throw badUserInput(`${field}.newDeadline`, 'a re-opened finding needs a new rectification deadline');
        }
      });
      return runInTransaction(context, principal, async (scope) => {
        const check = scope.em.create(SupervisionCheckEntity, {
          jurisdictionCode: owner,
          officeId: input.officeId ?? null,
          unitId: input.unitId,
          unitJurisdictionCode: input.unitJurisdictionCode,
          kind: 'FOLLOW_UP',
          mode: input.mode,
          methods: [],
          spotChecks: [],
          checkedOn: input.checkedOn,
          summary: input.summary.trim(),
          createdBy: principal.subject,
        });
        await scope.audit({ action: 'create', entityType: 'SupervisionCheck', entityId: check.id, ownerCode: owner, after: check });
        for (const [index, outcome] of input.outcomes.entries()) {
          const finding = await scope.em.findOneOrFail(SupervisionFindingEntity, { id: outcome.findingId });
          await applyFindingStep(scope, principal, finding, {
            event: outcome.stillRectified ? 'CONFIRMED' : 'REOPENED',
            field: `input.outcomes.${index}.findingId`,
            checkId: check.id,
            comment: outcome.comment ?? null,
            newDeadline: outcome.newDeadline,
          });
        }
        return check;
      });
    }
  }

  @Resolver(() => FindingType)
  class FindingResolver {
    @Query(() => FindingType, { name: levelFieldName(level, 'SupervisionFinding'), nullable: true, description: '问题 One finding by id.' })
    async finding(@Arg('id', () => ID) id: string, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      const finding = await context.loaders.supervisionFindingById.load(assertUuid(id, 'id'));
      if (finding) assertCanSee(principal, finding);
      return finding;
    }

    @FieldResolver(() => CheckType)
    check(@Root() finding: SupervisionFindingEntity, @Ctx() context: Context) {
      return context.loaders.supervisionCheckById.load(finding.checkId);
    }

    @FieldResolver(() => Boolean, { description: '逾期 The deadline has passed and it is not rectified (derived, never stored).' })
    overdue(@Root() finding: SupervisionFindingEntity): boolean {
      return isFindingOverdue(finding);
    }

    @FieldResolver(() => Boolean, { description: '查而不改 A follow-up check found it not fixed at least once.' })
    checkedButNotFixed(@Root() finding: SupervisionFindingEntity): boolean {
      return finding.reopenCount > 0;
    }

    @FieldResolver(() => [SupervisionFindingStepType], { description: '整改过程 Reports received, decisions and follow-up outcomes, oldest first.' })
    steps(@Root() finding: SupervisionFindingEntity, @Ctx() context: Context): Promise<SupervisionFindingEventEntity[]> {
      return context.loaders.supervisionFindingSteps.load(finding.id);
    }

    @Mutation(() => FindingType, { name: levelFieldName(level, 'SupervisionFinding', 'accept'), description: '销号 Accept the rectification report and close the finding.' })
    accept(@Arg('id', () => ID) id: string, @Arg('comment', () => String, { nullable: true }) comment: string | undefined, @Ctx() context: Context) {
      return decide(context, id, 'ACCEPTED', comment);
    }

    @Mutation(() => FindingType, { name: levelFieldName(level, 'SupervisionFinding', 'sendBack'), description: '退回 Send the rectification report back; the unit rectifies and reports again.' })
    sendBack(@Arg('id', () => ID) id: string, @Arg('comment', () => String) comment: string, @Ctx() context: Context) {
      if (!comment.trim()) throw badUserInput('comment', 'say what is still missing');
      return decide(context, id, 'SENT_BACK', comment.trim());
    }

    /**
     * Called only by the subgraph of the level below, inside the transaction that stores the
     * report there, on behalf of the reporting administrator (whose token it forwards). Hidden
     * from the public graph; a call that did not come from a peer subgraph is refused.
     */
    @Directive('@inaccessible')
    @Mutation(() => FindingType, { name: levelFieldName(level, 'SupervisionFindingReport', 'record'), nullable: true })
    async recordReport(@Arg('findingId', () => ID) findingId: string, @Arg('reportId', () => ID) reportId: string, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      if (context.peerCaller !== below) throw forbidden('only the level below records rectification reports here');
      assertUuid(findingId, 'findingId');
      assertUuid(reportId, 'reportId');
      const finding = await runInTransaction(context, principal, (scope) => recordFindingReport(scope, principal, findingId, reportId, 'findingId'));
      if (!finding) throw notFound('supervision finding', findingId);
      return finding;
    }
  }

  function findingsOfJurisdiction(target: ClassType) {
    @Resolver(() => target)
    class JurisdictionFindings {
      @FieldResolver(() => FindingConnection, {
        nullable: true,
        name: `${level}Findings`,
        description: `问题 Findings the ${level} raised against units of this jurisdiction, newest first.`,
      })
      findings(@Root() jurisdiction: { code: string }, @Args(() => FindingListArgs) args: FindingListArgs, @Ctx() context: Context): Promise<Connection<SupervisionFindingEntity>> {
        assertCanRead(requirePrincipal(context), jurisdiction.code);
        const key = `${args.status ?? '*'}:${args.overdueOnly}:${args.first}:${args.after ?? ''}`;
        const loader = context.loaders.supervisionFindingPages.get(key, () =>
          pagedLoader(context.em, {
            entity: SupervisionFindingEntity,
            partitionColumn: 'unit_jurisdiction_code',
            sort: { column: 'created_at', property: 'createdAt', direction: 'desc' },
            where: (query) => {
              if (args.status) query.where('status', args.status);
              if (args.overdueOnly) query.whereRaw('?', [overdueCondition(context.em.getKnex(), FINDING_OVERDUE, today())]);
            },
            first: args.first,
            after: args.after,
          }),
        );
        return loader.load(jurisdiction.code);
      }

      @FieldResolver(() => SupervisionFindingStatsType, {
        nullable: true,
        name: `${level}FindingStats`,
        description: `问题整改统计 Findings the ${level} raised against units of this jurisdiction, by status, with overdue rectification.`,
      })
      stats(@Root() jurisdiction: { code: string }, @Ctx() context: Context): Promise<FindingStats> {
        assertCanRead(requirePrincipal(context), jurisdiction.code);
        return context.loaders.supervisionFindingStats.load(jurisdiction.code);
      }
    }
    return JurisdictionFindings;
  }

  @Resolver(() => options.jurisdictionType)
  class JurisdictionOffices {
    @FieldResolver(() => [OfficeType], { name: 'supervisionOffices', description: '监督检查室 Supervision offices of this jurisdiction.' })
    offices(@Root() jurisdiction: { code: string }, @Ctx() context: Context) {
      assertCanRead(requirePrincipal(context), jurisdiction.code);
      return context.loaders.supervisionOfficesByJurisdiction.load(jurisdiction.code);
    }
  }

  const byId = <T>(loader: (context: Context) => { load(id: string): Promise<T> }) => ({
    __resolveReference: (reference: { id: string }, context: Context) => loader(context).load(reference.id),
  });

  const module: SubgraphModule<SupervisionLoaders> = {
    entities: [...SUPERVISION_CHECK_ENTITIES],
    resolvers: [
      OfficeResolver,
      PlanResolver,
      CheckResolver,
      FindingResolver,
      unitFieldsResolver(ContactType),
      unitFieldsResolver(CheckType),
      unitFieldsResolver(FindingType),
      findingsOfJurisdiction(options.jurisdictionType),
      findingsOfJurisdiction(lowerJurisdictionType),
      JurisdictionOffices,
    ],
    // Nothing here returns the level below's jurisdiction; it is in the schema for the fields added to it.
    orphanedTypes: [lowerJurisdictionType],
    referenceResolvers: {
      [name('SupervisionOffice')]: byId((context) => context.loaders.supervisionOfficeById),
      [name('SupervisionPlan')]: byId((context) => context.loaders.supervisionPlanById),
      [name('SupervisionCheck')]: byId((context) => context.loaders.supervisionCheckById),
      [name('SupervisionFinding')]: byId((context) => context.loaders.supervisionFindingById),
    },
    createLoaders: createSupervisionLoaders,
  };
  return { ...module, FindingType, LowerUnitRef, prefix: P };
}
