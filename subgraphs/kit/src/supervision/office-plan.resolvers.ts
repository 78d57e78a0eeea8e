import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { today } from '../calendar/calendar-date';
import { assertCanRead, assertCanWrite, requirePrincipal } from '../authz/guards';
import { badUserInput, notFound } from '../errors/graphql-errors';
import { assertAdminCode } from '../jurisdiction/admin-code';
import { runInTransaction } from '../mutation/run-in-transaction';
import type { ClassType } from '../pagination/connection';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { assertSupervisable, officeForWrite, type SupervisingLevel } from './check.service';
import { firstDrawCounting, type DrawQuarter } from './draw-cutoff';
import { planQuarterDraw, type PlannedDraw } from './plan.service';
import { SupervisionContactEntity, SupervisionOfficeEntity, SupervisionPlanEntity } from './supervision.entities';
import { AddSupervisionContactInput, CreateSupervisionOfficeInput, DrawSupervisionPlanInput, RemoveSupervisionContactInput } from './supervision.inputs';
import type { SupervisionLoaders } from './supervision.loaders';
import { supervisionOperations } from './supervision.operations';
import { SupervisionDrawPreviewType, SupervisionDrawQuarterType } from './supervision.types';

type Context = SubgraphContext<SupervisionLoaders>;

export interface OfficePlanTypes {
  OfficeType: ClassType;
  ContactType: ClassType;
  PlanType: ClassType;
  /** The level's own jurisdiction type, which lists its offices. */
  jurisdictionType: ClassType;
}

/**
 * 监督检查室与季度抽查 Offices, their contact units and the quarterly draws: who is on an office's
 * list, and which quarter of them is checked on site this quarter.
 */
export function createOfficeAndPlanResolvers(levels: SupervisingLevel, types: OfficePlanTypes): Function[] {
  const { level } = levels;
  const { OfficeType, ContactType, PlanType, jurisdictionType } = types;
  const operations = supervisionOperations(level);

  @Resolver(() => OfficeType)
  class OfficeResolver {
    @Query(() => OfficeType, { name: operations.supervisionOffice, nullable: true, description: '监督检查室 One office by id.' })
    async office(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<SupervisionOfficeEntity | null> {
      const principal = requirePrincipal(context);
      const office = await context.loaders.supervisionOfficeById.load(assertUuid(id, 'id'));
      if (office) assertCanRead(principal, office.jurisdictionCode);
      return office;
    }

    @FieldResolver(() => [ContactType], { description: '联系单位 The office\'s contact units: those on the list now, or with `includeRemoved` every interval ever recorded (the history draws are taken from).' })
    async contacts(
      @Root() office: SupervisionOfficeEntity,
      @Ctx() context: Context,
      @Arg('includeRemoved', () => Boolean, { defaultValue: false, description: '含已移出 Also the contacts taken off the list, with the day they were.' }) includeRemoved: boolean,
    ): Promise<SupervisionContactEntity[]> {
      const contacts = await context.loaders.supervisionContactsByOffice.load(office.id);
      return includeRemoved ? contacts : contacts.filter((contact) => contact.removedOn === null);
    }

    @FieldResolver(() => [PlanType], { description: '季度抽查计划 The office\'s quarterly draws, oldest first.' })
    plans(@Root() office: SupervisionOfficeEntity, @Ctx() context: Context): Promise<SupervisionPlanEntity[]> {
      return context.loaders.supervisionPlansByOffice.load(office.id);
    }

    @Mutation(() => OfficeType, { name: operations.createSupervisionOffice, description: '新建监督检查室 Create a supervision office.' })
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

    @Mutation(() => OfficeType, {
      name: operations.addSupervisionContact,
      description: '新增联系单位 Put a unit on an office\'s contact list, from today (never backdated): draws see it from `inDrawsFrom` on.',
    })
    async addContact(@Arg('input', () => AddSupervisionContactInput) input: AddSupervisionContactInput, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      const office = await officeForWrite(context, principal, input.officeId, 'input.officeId');
      await assertSupervisable(context, levels, office.jurisdictionCode, input.unitId, input.unitJurisdictionCode, 'input');
      const current = await currentContact(context, office.id, input.unitId);
      if (current) {
        throw badUserInput('input.unitId', `该单位自${current.addedOn}起已是${office.name}的联系单位 / the unit has been a contact unit of ${office.name} since ${current.addedOn}`);
      }
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const contact = em.create(SupervisionContactEntity, {
          officeId: office.id,
          unitId: input.unitId,
          unitJurisdictionCode: input.unitJurisdictionCode,
          addedOn: today(),
          addedBy: principal.subject,
        });
        await audit({ action: 'create', entityType: 'SupervisionContact', entityId: contact.id, ownerCode: office.jurisdictionCode, after: contact });
        return office;
      });
    }

    @Mutation(() => OfficeType, {
      name: operations.removeSupervisionContact,
      description: '移出联系单位 Take a unit off an office\'s contact list, from today; the record stays, and draws stop seeing it from `outOfDrawsFrom` on.',
    })
    async removeContact(@Arg('input', () => RemoveSupervisionContactInput) input: RemoveSupervisionContactInput, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      const office = await officeForWrite(context, principal, input.officeId, 'input.officeId');
      const current = await currentContact(context, office.id, assertUuid(input.unitId, 'input.unitId'));
      if (!current) throw badUserInput('input.unitId', `该单位不是${office.name}的联系单位 / the unit is not a contact unit of ${office.name}`);
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const contact = await em.findOneOrFail(SupervisionContactEntity, { id: current.id });
        const before = { ...contact };
        contact.removedOn = today();
        contact.removedBy = principal.subject;
        await audit({ action: 'remove', entityType: 'SupervisionContact', entityId: contact.id, ownerCode: office.jurisdictionCode, before, after: contact });
        return office;
      });
    }
  }

  /**
   * The unit's interval on the office's list that is still open. Read directly, not through the
   * office's contacts loader, which then answers the mutation's own `contacts` after the change.
   */
  function currentContact(context: Context, officeId: string, unitId: string): Promise<SupervisionContactEntity | null> {
    return context.em.findOne(SupervisionContactEntity, { officeId, unitId, removedOn: null });
  }

  @Resolver(() => ContactType)
  class ContactResolver {
    @FieldResolver(() => SupervisionDrawQuarterType, { description: '计入抽取起 The first quarter whose draw includes this contact (lists freeze at the end of the first day of the quarter before).' })
    inDrawsFrom(@Root() contact: SupervisionContactEntity): DrawQuarter {
      return firstDrawCounting(contact.addedOn);
    }

    @FieldResolver(() => SupervisionDrawQuarterType, { nullable: true, description: '不再计入起 The first quarter whose draw no longer includes it; null while it is on the list.' })
    outOfDrawsFrom(@Root() contact: SupervisionContactEntity): DrawQuarter | null {
      return contact.removedOn === null ? null : firstDrawCounting(contact.removedOn);
    }
  }

  @Resolver(() => PlanType)
  class PlanResolver {
    @Query(() => SupervisionDrawPreviewType, {
      name: operations.previewSupervisionPlan,
      description: '抽查预演 Exactly what the draw of this quarter will pick — the contact list frozen at its cutoff, the seed and the seed\'s source — without recording it; open on the same days as the draw.',
    })
    async preview(@Arg('input', () => DrawSupervisionPlanInput) input: DrawSupervisionPlanInput, @Ctx() context: Context): Promise<PlannedDraw> {
      const principal = requirePrincipal(context);
      const office = await context.loaders.supervisionOfficeById.load(assertUuid(input.officeId, 'input.officeId'));
      if (!office) throw notFound('supervision office', input.officeId);
      assertCanRead(principal, office.jurisdictionCode);
      return planQuarterDraw(context.em, office, input.year, input.quarter);
    }

    @FieldResolver(() => OfficeType)
    office(@Root() plan: SupervisionPlanEntity, @Ctx() context: Context) {
      return context.loaders.supervisionOfficeById.load(plan.officeId);
    }

    @Mutation(() => PlanType, {
      name: operations.drawSupervisionPlan,
      description: '季度抽查 Draw a quarter (ceil(n/4)) of the office\'s contact units for on-site checks, once, from the day after the first day of the quarter before up to the quarter\'s first day; the contact list is the one frozen at the end of that first day (`contactsAsOf`). Units drawn earlier this year wait until all were drawn. The seed is the SHA-256 of the recorded inputs (never chosen); the plan records them so anyone can recompute the picks.',
    })
    async draw(@Arg('input', () => DrawSupervisionPlanInput) input: DrawSupervisionPlanInput, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      const office = await officeForWrite(context, principal, input.officeId, 'input.officeId');
      const drawn = await planQuarterDraw(context.em, office, input.year, input.quarter);
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const plan = em.create(SupervisionPlanEntity, {
          officeId: office.id,
          jurisdictionCode: office.jurisdictionCode,
          year: input.year,
          quarter: input.quarter,
          ...drawn,
          drawnBy: principal.subject,
        });
        await audit({ action: 'draw', entityType: 'SupervisionPlan', entityId: plan.id, ownerCode: plan.jurisdictionCode, after: plan });
        return plan;
      });
    }
  }

  @Resolver(() => jurisdictionType)
  class JurisdictionOffices {
    @FieldResolver(() => [OfficeType], { name: 'supervisionOffices', description: '监督检查室 Supervision offices of this jurisdiction.' })
    offices(@Root() jurisdiction: { code: string }, @Ctx() context: Context) {
      assertCanRead(requirePrincipal(context), jurisdiction.code);
      return context.loaders.supervisionOfficesByJurisdiction.load(jurisdiction.code);
    }
  }

  return [OfficeResolver, ContactResolver, PlanResolver, JurisdictionOffices];
}
