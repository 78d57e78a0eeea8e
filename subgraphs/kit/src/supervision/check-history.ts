import { supervisionOperations } from './supervision.operations';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { canRead } from '../auth/principal';
import { requirePrincipal } from '../authz/guards';
import { quarterSpan } from '../calendar/date-rules';
import { badUserInput, forbidden } from '../errors/graphql-errors';
import { assertAdminCode, type Level } from '../jurisdiction/admin-code';
import { PageArgs, type ClassType, type Connection } from '../pagination/connection';
import { pagedLoader } from '../pagination/paged-loader';
import type { SubgraphContext } from '../server/context';
import { IsAdministrativeCode } from '../validation/common-decorators';
import { SupervisionCheckEntity, type SupervisionOfficeEntity } from './supervision.entities';
import { SupervisionCheckKind, SupervisionCheckMode } from './supervision.enums';
import type { SupervisionLoaders } from './supervision.loaders';
import { namedJurisdiction } from '../jurisdiction/divisions';

type Context = SubgraphContext<SupervisionLoaders>;

/** 检查记录筛选 Filters of the check history; every one narrows the list. */
@ArgsType()
export class CheckHistoryArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: '被检查单位 Only checks of this unit.' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @Field(() => ID, { nullable: true, description: '被检查单位所属辖区 Only checks of units of this jurisdiction.' })
  @IsOptional()
  @IsAdministrativeCode()
  unitJurisdictionCode?: string;

  @Field(() => ID, { nullable: true, description: '抽查计划 Only checks carrying out this quarterly plan.' })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @Field(() => Int, { nullable: true, description: '年度 Only checks dated in this year.' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => Int, { nullable: true, description: '季度 Only checks dated in this quarter (1–4) of `year`.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;

  @Field(() => SupervisionCheckKind, { nullable: true, description: '类型 Routine checks or follow-ups (回头看) only.' })
  @IsOptional()
  @IsEnum(SupervisionCheckKind)
  kind?: SupervisionCheckKind;

  @Field(() => SupervisionCheckMode, { nullable: true, description: '方式 On-site or online checks only.' })
  @IsOptional()
  @IsEnum(SupervisionCheckMode)
  mode?: SupervisionCheckMode;

  @Field(() => Boolean, { nullable: true, description: '驻点监督 true: only stationed (驻点/进驻式) checks, such as those closing a stationed group\'s engagement; false: only the others.' })
  @IsOptional()
  @IsBoolean()
  stationed?: boolean;
}

/** The day range `year` (and `quarter`) cover; a quarter without a year is refused. */
export function checkDayRange(args: Pick<CheckHistoryArgs, 'year' | 'quarter'>): { from: string; to: string } | null {
  if (args.quarter !== undefined && args.year === undefined) throw badUserInput('quarter', '按季度筛选须同时给出年度 / a quarter filter needs a year');
  if (args.year === undefined) return null;
  if (args.quarter === undefined) return { from: `${args.year}-01-01`, to: `${args.year}-12-31` };
  const span = quarterSpan(args.year, args.quarter);
  return { from: span.first, to: span.last };
}

function pageOfChecks(context: Context, partitionColumn: 'jurisdiction_code' | 'office_id', key: string, args: CheckHistoryArgs): Promise<Connection<SupervisionCheckEntity>> {
  const range = checkDayRange(args);
  const familyKey = JSON.stringify([partitionColumn, args]);
  const loader = context.loaders.supervisionCheckPages.get(familyKey, () =>
    pagedLoader(context.em, {
      entity: SupervisionCheckEntity,
      partitionColumn,
      sort: { column: 'checked_on', property: 'checkedOn', direction: 'desc' },
      where: (query) => {
        if (args.unitId) query.where('unit_id', args.unitId);
        if (args.unitJurisdictionCode) query.where('unit_jurisdiction_code', args.unitJurisdictionCode);
        if (args.planId) query.where('plan_id', args.planId);
        if (args.kind) query.where('kind', args.kind);
        if (args.mode) query.where('mode', args.mode);
        if (args.stationed !== undefined && args.stationed !== null) query.where('stationed', args.stationed);
        if (range) query.whereBetween('checked_on', [range.from, range.to]);
      },
      first: args.first,
      after: args.after,
    }),
  );
  return loader.load(key);
}

/**
 * 检查记录 The check history of a supervising level: every check (with or without findings), newest
 * check day first, per supervising jurisdiction (filtered by unit, unit jurisdiction, plan,
 * year/quarter, kind, mode) and per office. The supervising side reads all of it; a supervised
 * jurisdiction reads the checks of its own units (it must name itself in `unitJurisdictionCode`).
 */
export function createCheckHistoryResolvers(level: Level, CheckType: ClassType, OfficeType: ClassType, CheckConnection: ClassType) {
  @Resolver(() => CheckType)
  class CheckHistoryQuery {
    @Query(() => CheckConnection, {
      name: supervisionOperations(level).supervisionChecks,
      description: '检查记录 Checks recorded by a supervising jurisdiction, newest check day first, with filters and paging (a supervised jurisdiction sees those of its own units).',
    })
    checks(
      @Arg('supervisingCode', () => ID, { description: '监督方 The supervising jurisdiction whose checks are listed.' }) supervisingCode: string,
      @Args(() => CheckHistoryArgs) args: CheckHistoryArgs,
      @Ctx() context: Context,
    ): Promise<Connection<SupervisionCheckEntity>> {
      const principal = requirePrincipal(context);
      assertAdminCode(level, supervisingCode, 'supervisingCode');
      const ownSide = canRead(principal, supervisingCode);
      const unitSide = args.unitJurisdictionCode !== undefined && canRead(principal, args.unitJurisdictionCode);
      if (!ownSide && !unitSide) {
        throw forbidden(`${namedJurisdiction(principal.code)} 无权查看 ${namedJurisdiction(supervisingCode)} 的检查记录 / ${namedJurisdiction(principal.code)} may not read the checks of ${namedJurisdiction(supervisingCode)}; a supervised side names its own code in unitJurisdictionCode`);
      }
      return pageOfChecks(context, 'jurisdiction_code', supervisingCode, args);
    }
  }

  @Resolver(() => OfficeType)
  class OfficeChecks {
    @FieldResolver(() => CheckConnection, { description: '检查记录 Checks recorded by this office, newest check day first, with filters and paging.' })
    checks(@Root() office: SupervisionOfficeEntity, @Args(() => CheckHistoryArgs) args: CheckHistoryArgs, @Ctx() context: Context): Promise<Connection<SupervisionCheckEntity>> {
      const principal = requirePrincipal(context);
      if (!canRead(principal, office.jurisdictionCode)) throw forbidden(`${namedJurisdiction(principal.code)} 无权查看该检查室的检查记录 / ${namedJurisdiction(principal.code)} may not read the checks of ${office.name}`);
      return pageOfChecks(context, 'office_id', office.id, args);
    }
  }
  return [CheckHistoryQuery, OfficeChecks];
}
