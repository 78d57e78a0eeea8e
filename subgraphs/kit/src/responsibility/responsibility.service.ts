import { LEVEL_NAME_ZH } from '../level/level-names';
import { LockMode } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import type { Knex } from '@mikro-orm/postgresql';
import { canRead, hasRole, type Principal } from '../auth/principal';
import { assertCanRead, assertCanWrite, requirePrincipal } from '../authz/guards';
import { askPeer, PARENT_RESPONSIBILITY_ITEM } from '../cross-level/peer-operations';
import { containsPattern } from '../db/like-pattern';
import { badUserInput, forbidden, notFound } from '../errors/graphql-errors';
import { isWithin, levelOfCode, parentCode, type Level } from '../jurisdiction/admin-code';
import { namedJurisdiction } from '../jurisdiction/divisions';
import { assertExpectedVersion } from '../mutation/record-version';
import { runInTransaction } from '../mutation/run-in-transaction';
import type { CadreEntity } from '../org/cadre.entity';
import type { OrgLoaders } from '../org/org.loaders';
import type { UnitEntity } from '../org/unit.entity';
import type { Connection, PageArgs } from '../pagination/connection';
import { pagedLoader } from '../pagination/paged-loader';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { ResponsibilityCategoryEntity } from './category.entity';
import { ResponsibilityItemEntity } from './responsibility-item.entity';
import type {
  AddResponsibilityCategoryInput,
  CreateResponsibilityItemInput,
  ResponsibilityItemFilter,
  UpdateResponsibilityItemInput,
} from './responsibility.inputs';
import type { ResponsibilityLoaders } from './responsibility.loaders';

/**
 * The business steps of a responsibility list (主体责任清单): add an item to a unit's (or one of
 * its cadres') list, change it, add a category to the level, page through a jurisdiction's
 * items. Plain functions over the request context; `responsibility.module.ts` keeps the
 * per-level types and thin resolvers, and the pure rules are tested alone in
 * `responsibility.service.test.ts`.
 */
type Context = SubgraphContext<OrgLoaders & ResponsibilityLoaders>;

type ItemChange = Omit<UpdateResponsibilityItemInput, 'expectedVersion'>;
type ItemFields = Pick<ResponsibilityItemEntity, 'cadreId' | 'categoryCode' | 'year' | 'content' | 'basis'> & { parentItemId?: string | null };

/** A new item of `unit`'s list: owned by the unit's jurisdiction, its texts stored trimmed. */
export function newItemFields(unit: Pick<UnitEntity, 'id' | 'jurisdictionCode'>, input: CreateResponsibilityItemInput) {
  return {
    jurisdictionCode: unit.jurisdictionCode,
    unitId: unit.id,
    cadreId: input.cadreId ?? null,
    parentItemId: input.parentItemId ?? null,
    categoryCode: input.categoryCode,
    year: input.year,
    content: input.content.trim(),
    basis: input.basis.trim(),
  };
}

/** What an update writes: only the fields given change; `cadreId: null` makes it the team's item. */
export function applyItemChange(item: ItemFields, input: ItemChange): void {
  if (input.cadreId !== undefined) item.cadreId = input.cadreId;
  if (input.parentItemId !== undefined) item.parentItemId = input.parentItemId;
  if (input.categoryCode !== undefined) item.categoryCode = input.categoryCode;
  if (input.year !== undefined) item.year = input.year;
  if (input.content !== undefined) item.content = input.content.trim();
  if (input.basis !== undefined) item.basis = input.basis.trim();
}

/**
 * The categories table is shared by every jurisdiction of this level, so it belongs to no one
 * jurisdiction: commission staff of this level maintain it.
 */
export function assertMaintainsCategories(principal: Principal, level: Level): void {
  if (principal.level !== level || !hasRole(principal, 'commission')) {
    throw forbidden(`新增${LEVEL_NAME_ZH[level]}责任类别须具备本级纪委监委角色 / adding a ${level} responsibility category needs the commission role at ${level} level`);
  }
}

/**
 * 清单向下公开 A responsibility list is read by its owner and the levels above (as every record), and
 * also by the jurisdictions below its owner, which break it down (`openBelow` in the access table,
 * the `responsibility_item_read_below` row-level policy).
 */
export function mayReadResponsibilityList(principal: Principal, ownerCode: string): boolean {
  return canRead(principal, ownerCode) || isWithin(principal.code, ownerCode);
}

export function assertCanReadResponsibilityList(principal: Principal, ownerCode: string): void {
  if (!isWithin(principal.code, ownerCode)) assertCanRead(principal, ownerCode);
}

/** Answers of the level above that mean "no such item for this caller": all read as bad input on the field. */
const PARENT_REFUSALS = new Set(['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'UNAUTHENTICATED']);

/**
 * 分解校验 The item an item of `ownerCode` breaks down must be an item of the jurisdiction directly
 * above (the city for a district, the own district for a street). It lives in that level's
 * database, so it is asked of that level's subgraph with the caller's token, before the write's
 * transaction: nothing is written when it is refused, and an item the caller may not read is as
 * absent as one that does not exist.
 */
export async function assertParentItem(context: Context, ownerCode: string, parentItemId: string, year: number, field = 'input.parentItemId'): Promise<void> {
  const above = parentCode(ownerCode);
  const aboveLevel = above ? levelOfCode(above) : undefined;
  if (!above || !aboveLevel) {
    throw badUserInput(field, `${namedJurisdiction(ownerCode)} 没有上一级，其清单条目不分解其他条目 / ${namedJurisdiction(ownerCode)} has no level above: its items break no item down`);
  }
  let parent: { id: string; jurisdictionCode: string; year: number } | null;
  try {
    ({ item: parent } = await askPeer(context, PARENT_RESPONSIBILITY_ITEM, aboveLevel, undefined, { id: parentItemId }, { id: field }));
  } catch (error) {
    const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
    if (typeof code !== 'string' || !PARENT_REFUSALS.has(code)) throw error;
    parent = null;
  }
  if (!parent || parent.jurisdictionCode !== above) {
    throw badUserInput(
      field,
      `${namedJurisdiction(above)} 没有清单条目 ${parentItemId}：分解的须是上一级的条目 / no responsibility item ${parentItemId} of ${namedJurisdiction(above)}: an item breaks down an item of the jurisdiction directly above it`,
    );
  }
  // A year's list breaks down the same year's list above: a 2027 item cannot carry out 2026's.
  if (parent.year !== year) {
    throw badUserInput(field, `上一级条目 ${parentItemId} 属于 ${parent.year} 年度，本条目属于 ${year} 年度：只能分解同一年度的条目 / the item above is of ${parent.year}, this item of ${year}: an item breaks down an item of the same year`);
  }
}

async function loadItem(context: Context, id: string, field: string): Promise<ResponsibilityItemEntity> {
  const item = await context.loaders.responsibilityItemById.load(assertUuid(id, field));
  if (!item) throw notFound('responsibility item', id);
  return item;
}

async function assertCategory(context: Context, code: string, field: string): Promise<void> {
  if (!(await context.loaders.responsibilityCategoryByCode.load(code))) {
    throw badUserInput(field, `没有责任类别“${code}” / no responsibility category "${code}"`);
  }
}

/** A cadre's item sits on the cadre's own unit's list. */
async function assertCadreOfUnit(context: Context, cadreId: string, unit: Pick<UnitEntity, 'id'>, field: string): Promise<CadreEntity> {
  const cadre = await context.loaders.cadreById.load(assertUuid(cadreId, field));
  if (!cadre) throw notFound('cadre', cadreId);
  if (cadre.unitId !== unit.id) throw badUserInput(field, `干部 ${cadreId} 不属于单位 ${unit.id} / cadre ${cadreId} is not a cadre of unit ${unit.id}`);
  return cadre;
}

/** 新增责任清单条目: an item on a unit's list, or on one of its cadres'. */
export async function createResponsibilityItem(context: Context, input: CreateResponsibilityItemInput): Promise<ResponsibilityItemEntity> {
  const principal = requirePrincipal(context);
  const unit = await context.loaders.unitById.load(input.unitId);
  if (!unit) throw notFound('unit', input.unitId);
  assertCanWrite(principal, unit.jurisdictionCode);
  await assertCategory(context, input.categoryCode, 'input.categoryCode');
  if (input.cadreId) await assertCadreOfUnit(context, input.cadreId, unit, 'input.cadreId');
  if (input.parentItemId) await assertParentItem(context, unit.jurisdictionCode, input.parentItemId, input.year);
  return runInTransaction(context, principal, async ({ em, audit }) => {
    const item = em.create(ResponsibilityItemEntity, newItemFields(unit, input));
    await audit({ action: 'create', entityType: 'ResponsibilityItem', entityId: item.id, ownerCode: item.jurisdictionCode, after: item });
    return item;
  });
}

/** 修改责任清单条目: the row is re-read under a row lock, and a change based on another version is a CONFLICT. */
export async function updateResponsibilityItem(context: Context, id: string, input: UpdateResponsibilityItemInput): Promise<ResponsibilityItemEntity> {
  const principal = requirePrincipal(context);
  const existing = await loadItem(context, id, 'id');
  assertCanWrite(principal, existing.jurisdictionCode);
  if (input.categoryCode !== undefined) await assertCategory(context, input.categoryCode, 'input.categoryCode');
  if (input.cadreId) await assertCadreOfUnit(context, input.cadreId, { id: existing.unitId }, 'input.cadreId');
  // A new parent, or a new year under the parent it keeps, is checked against the item above.
  const parentItemId = input.parentItemId === undefined ? existing.parentItemId : input.parentItemId;
  if (parentItemId && (input.parentItemId || input.year !== undefined)) {
    await assertParentItem(context, existing.jurisdictionCode, parentItemId, input.year ?? existing.year, input.parentItemId ? 'input.parentItemId' : 'input.year');
  }
  return runInTransaction(context, principal, async ({ em, audit }) => {
    const item = await em.findOneOrFail(ResponsibilityItemEntity, { id: existing.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    assertExpectedVersion(item, input.expectedVersion);
    const before = { ...item };
    applyItemChange(item, input);
    await audit({ action: 'update', entityType: 'ResponsibilityItem', entityId: item.id, ownerCode: item.jurisdictionCode, before, after: item });
    return item;
  });
}

/** 新增责任类别: a category of this level, its code and its name each used once. */
export async function addResponsibilityCategory(context: Context, level: Level, input: AddResponsibilityCategoryInput): Promise<ResponsibilityCategoryEntity> {
  const principal = requirePrincipal(context);
  assertMaintainsCategories(principal, level);
  const name = input.name.trim();
  return runInTransaction(context, principal, async ({ em, audit }) => {
    if (await em.findOne(ResponsibilityCategoryEntity, { code: input.code })) {
      throw badUserInput('input.code', `责任类别 ${input.code} 已存在 / category ${input.code} already exists`);
    }
    if (await em.findOne(ResponsibilityCategoryEntity, { name })) {
      throw badUserInput('input.name', `已有名为 ${name} 的责任类别 / a category named ${name} already exists`);
    }
    const category = em.create(ResponsibilityCategoryEntity, { code: input.code, name, sortOrder: input.sortOrder });
    await audit({ action: 'create', entityType: 'ResponsibilityCategory', entityId: category.code, ownerCode: principal.code, after: category });
    return category;
  });
}

/** A page of a jurisdiction's items, oldest first; one statement for every jurisdiction asked with the same arguments. */
export function responsibilityItemsOfJurisdiction(
  context: Context,
  jurisdictionCode: string,
  filter: ResponsibilityItemFilter | undefined,
  page: PageArgs,
): Promise<Connection<ResponsibilityItemEntity>> {
  const where = filter ?? {};
  const key = JSON.stringify([where, page.first, page.after ?? null]);
  return context.loaders.responsibilityItemPages
    .get(key, () =>
      pagedLoader(context.em, {
        entity: ResponsibilityItemEntity,
        partitionColumn: 'jurisdiction_code',
        sort: { column: 'created_at', property: 'createdAt', direction: 'asc' },
        where: (query) => applyItemFilter(query, where),
        first: page.first,
        after: page.after,
      }),
    )
    .load(jurisdictionCode);
}

function applyItemFilter(query: Knex.QueryBuilder, filter: ResponsibilityItemFilter): void {
  if (filter.year !== undefined && filter.year !== null) query.where('year', filter.year);
  if (filter.categoryCode) query.where('category_code', filter.categoryCode);
  if (filter.cadreId) query.where('cadre_id', filter.cadreId);
  if (filter.unitId) query.where('unit_id', filter.unitId);
  if (filter.text) {
    const pattern = containsPattern(filter.text);
    query.where((text) => {
      text.whereRaw(`"content" ilike ? escape '\\'`, [pattern]).orWhereRaw(`"basis" ilike ? escape '\\'`, [pattern]);
    });
  }
}
