import { Ctx, Directive, Field, ID, Int, ObjectType, FieldResolver, Resolver, Root } from 'type-graphql';
import { assertCanRead, requirePrincipal } from '../authz/guards';
import { today } from '../calendar/calendar-date';
import type { JurisdictionLoaders } from '../jurisdiction/jurisdiction-loaders';
import type { ClassType } from '../pagination/connection';
import type { SubgraphContext } from '../server/context';
import type { DirectiveResponseEntity } from './directive-response.entity';
import type { DirectiveResponderLoaders } from './directive.loaders';
import { bilingualEnum, type EnumValue } from '../schema/bilingual-enum';

type Context = SubgraphContext<JurisdictionLoaders & DirectiveResponderLoaders>;

export const OutstandingState = bilingualEnum('DirectiveOutstandingState', '未办结状态 Where an addressee that has not completed a directive stands.', {
  NOT_ANSWERED: '未签收 Never answered.',
  ACKNOWLEDGED: '已签收 Received, no progress reported.',
  IN_PROGRESS: '推进中 Progress reported, not finished.',
});
export type OutstandingState = EnumValue<typeof OutstandingState>;

@ObjectType('DirectiveOutstandingAddressee', { description: '未办结单位 An addressee that has not completed the directive.' })
@Directive('@shareable')
export class OutstandingAddresseeType {
  @Field(() => ID, { description: '辖区代码 The addressee\'s code.' })
  code!: string;

  @Field(() => String, { description: '辖区名称 The addressee\'s name.' })
  name!: string;

  @Field(() => OutstandingState, { description: '办理状态 Where the addressee stands: not answered, acknowledged or in progress.' })
  state!: OutstandingState;

  @Field(() => Int, { description: '进度 Progress reported, 0–100 (0 when never answered).' })
  progress!: number;
}

/** The directive as handed over by the gateway: its addressees and, for `overdue`, its deadline. */
export interface OutstandingDirectiveStub {
  id: string;
  issuerCode?: string;
  targetCodes?: string[];
  deadline?: string;
}

/** The addressees that have not completed, in code order (a pure step of the responses). */
export function outstandingOf(targetCodes: readonly string[], responses: readonly Pick<DirectiveResponseEntity, 'responderCode' | 'status' | 'progress'>[]) {
  const byCode = new Map(responses.map((response) => [response.responderCode, response]));
  return [...targetCodes]
    .sort()
    .map((code) => ({ code, response: byCode.get(code) }))
    .filter(({ response }) => response?.status !== 'COMPLETED')
    .map(({ code, response }) => ({
      code,
      state: response ? (response.status as OutstandingState) : OutstandingState.NOT_ANSWERED,
      progress: response?.progress ?? 0,
    }));
}

/** 逾期 A directive is overdue when its deadline (a Tianjin day) has passed and an addressee has not completed it. */
export function isDirectiveOverdue(deadline: string, outstandingCount: number, on: string = today()): boolean {
  return outstandingCount > 0 && deadline < on;
}

/**
 * 未办结 / 逾期 Contributed by the answering level to the issuer's directive type, next to
 * `progress`: which addressees have not answered or completed (by name), and whether the
 * directive is overdue. The issuer and the levels above it read them, as for `progress`.
 */
export function createOutstandingResolver(IssuedDirectiveRef: ClassType) {
  @Resolver(() => IssuedDirectiveRef)
  class OutstandingResolver {
    @Directive('@requires(fields: "issuerCode targetCodes")')
    @FieldResolver(() => [OutstandingAddresseeType], {
      nullable: true,
      description: '未办结单位 Addressees that have not answered or not completed, by code, with their state and progress.',
    })
    async outstanding(@Root() directive: OutstandingDirectiveStub, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      assertCanRead(principal, directive.issuerCode!);
      const responses = await context.loaders.directiveResponsesByDirective.load(directive.id);
      const rows = outstandingOf(directive.targetCodes!, responses);
      const places = await context.loaders.jurisdictionByCode.loadMany(rows.map((row) => row.code));
      return rows.map((row, index) => {
        const place = places[index];
        const name = place && !(place instanceof Error) ? (place as { name?: string }).name : undefined;
        return { ...row, name: name ?? row.code };
      });
    }

    @Directive('@requires(fields: "issuerCode targetCodes deadline")')
    @FieldResolver(() => Boolean, {
      nullable: true,
      description: '逾期 The deadline has passed (Tianjin day) and at least one addressee has not completed.',
    })
    async overdue(@Root() directive: OutstandingDirectiveStub, @Ctx() context: Context): Promise<boolean> {
      assertCanRead(requirePrincipal(context), directive.issuerCode!);
      const responses = await context.loaders.directiveResponsesByDirective.load(directive.id);
      return isDirectiveOverdue(directive.deadline!, outstandingOf(directive.targetCodes!, responses).length);
    }
  }
  return OutstandingResolver;
}
