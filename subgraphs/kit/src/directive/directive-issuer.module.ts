import type { JurisdictionRecord } from '../jurisdiction/jurisdiction-loaders';
import { operationsAt } from '../level/operation-table';
import { DIRECTIVE_OPERATIONS } from './directive.operations';
import { levelBelow } from '../level/level-relations';
import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { assertCanRead, assertCanWrite, requirePrincipal } from '../authz/guards';
import { forbidden } from '../errors/graphql-errors';
import { levelTypeName, LEVEL_NAME_ZH } from '../level/level-names';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import { runInTransaction } from '../mutation/run-in-transaction';
import type { ClassType } from '../pagination/connection';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { DirectiveEntity } from './directive.entity';
import { IssueDirectiveInput } from './directive.inputs';
import { DirectiveInterface } from './directive.interfaces';
import { createDirectiveIssuerLoaders, type DirectiveIssuerLoaders } from './directive.loaders';
import { assertDeadline, canReadDirective, resolveTargets } from './directive-rules';
import { today } from '../calendar/calendar-date';
import { namedJurisdiction } from '../jurisdiction/divisions';

type Context = SubgraphContext<DirectiveIssuerLoaders>;

/** Roles that may issue directives for their jurisdiction: its discipline commission or its administrators. */
export const DIRECTIVE_ISSUER_ROLES = ['commission', 'admin'] as const;

export interface DirectiveIssuerOptions extends LevelOptions {
  /** This subgraph's stub of the jurisdiction type one level below (`District` in the city subgraph), keyed by code. */
  addresseeType: ClassType;
}

/** Refuses a reader who is neither on the issuing side nor on the addressed side of a directive. */
export function assertCanReadDirective(context: SubgraphContext<unknown>, directive: DirectiveEntity): DirectiveEntity {
  const principal = requirePrincipal(context);
  if (!canReadDirective(principal, directive)) {
    throw forbidden(`${namedJurisdiction(principal.code)} 无权查看指令 ${directive.id} / ${namedJurisdiction(principal.code)} may not read directive ${directive.id}`);
  }
  return directive;
}

/**
 * 任务下达 The issuing side, for the city and for each district: `CityDirective` /
 * `DistrictDirective`, the mutation that issues one, the issuer's list (`City.issuedDirectives`)
 * and the addressees' list (`District.receivedDirectives`). The answers and their summary are
 * contributed to the same type by the level below (see the responder module).
 */
export function createDirectiveIssuerModule(options: DirectiveIssuerOptions) {
  const { level } = options;
  const operations = operationsAt(DIRECTIVE_OPERATIONS, level, 'directive');
  const addresseeLevel = levelBelow(level);
  if (!addresseeLevel) throw new Error(`a ${level} has no level below it to direct`);

  @Directive('@key(fields: "id")')
  @ObjectType(levelTypeName(level, 'Directive'), {
    implements: DirectiveInterface,
    description: `任务下达 A directive a ${level} issues to its ${addresseeLevel}s.`,
  })
  class DirectiveType extends DirectiveInterface {}

  @Resolver(() => DirectiveType)
  class DirectiveResolver {
    @Query(() => DirectiveType, {
      name: operations.directive,
      nullable: true,
      description: '任务 One directive by id; readable by its issuer, its addressees and those above them.',
    })
    async directive(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<DirectiveEntity | null> {
      requirePrincipal(context);
      const directive = await context.loaders.directiveById.load(assertUuid(id, 'id'));
      return directive && assertCanReadDirective(context, directive);
    }

    @Mutation(() => DirectiveType, {
      name: operations.issueDirective,
      description: `下达任务 Issue a directive to some or all ${addresseeLevel}s (commission or admin of the issuing ${level}).`,
    })
    async issue(@Arg('input', () => IssueDirectiveInput) input: IssueDirectiveInput, @Ctx() context: Context): Promise<DirectiveEntity> {
      const principal = requirePrincipal(context);
      if (principal.level !== level) throw forbidden(`只有${LEVEL_NAME_ZH[level]}下发 ${levelTypeName(level, 'Directive')} / only a ${level} issues ${levelTypeName(level, 'Directive')}s`);
      assertCanWrite(principal, principal.code, DIRECTIVE_ISSUER_ROLES);
      const deadline = assertDeadline(input.deadline, 'input.deadline', { today: today() });
      const targetCodes = resolveTargets(
        principal.code,
        { codes: input.targetCodes, all: input.allTargets },
        { codes: 'input.targetCodes', all: 'input.allTargets' },
      );
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const directive = em.create(DirectiveEntity, {
          issuerCode: principal.code,
          title: input.title.trim(),
          requirements: input.requirements.trim(),
          deadline,
          targetCodes,
          issuedBy: principal.subject,
        });
        await audit({ action: 'issue', entityType: 'Directive', entityId: directive.id, ownerCode: directive.issuerCode, after: directive });
        return directive;
      });
    }
  }

  @Resolver(() => options.jurisdictionType)
  class IssuerDirectivesResolver {
    @FieldResolver(() => [DirectiveType], {
      description: '已下达任务 Directives this jurisdiction has issued, newest first. Needs a token that may read it.',
    })
    issuedDirectives(@Root() jurisdiction: JurisdictionRecord, @Ctx() context: Context): Promise<DirectiveEntity[]> {
      assertCanRead(requirePrincipal(context), jurisdiction.code);
      return context.loaders.directivesByIssuer.load(jurisdiction.code);
    }
  }

  @Resolver(() => options.addresseeType)
  class AddresseeDirectivesResolver {
    @FieldResolver(() => [DirectiveType], {
      nullable: true,
      description: `收到的任务 Directives addressed to this ${addresseeLevel} by its ${level}, newest first; for the ${addresseeLevel} itself and those above it.`,
    })
    receivedDirectives(@Root() addressee: { code: string }, @Ctx() context: Context): Promise<DirectiveEntity[]> {
      assertCanRead(requirePrincipal(context), addressee.code);
      return context.loaders.directivesByTarget.load(addressee.code);
    }
  }

  const module: SubgraphModule<DirectiveIssuerLoaders> = {
    entities: [DirectiveEntity],
    resolvers: [DirectiveResolver, IssuerDirectivesResolver, AddresseeDirectivesResolver],
    // Nothing in this subgraph returns the addressee stub; without this its fields would be dropped.
    orphanedTypes: [options.addresseeType],
    referenceResolvers: {
      // Reached from the level below (a response's `directive`, a cascade's `parentDirective`):
      // the same read rule as the root field, so no path around it.
      [levelTypeName(level, 'Directive')]: {
        __resolveReference: async (reference: { id: string }, context: Context) => {
          const directive = await context.loaders.directiveById.load(reference.id);
          return directive && assertCanReadDirective(context, directive);
        },
      },
    },
    createLoaders: createDirectiveIssuerLoaders,
  };
  return { ...module, DirectiveType };
}
