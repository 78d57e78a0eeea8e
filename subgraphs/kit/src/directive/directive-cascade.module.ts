import { LEVEL_NAME_ZH } from '../level/level-names';
import { levelAbove } from '../level/level-relations';
import { operationsAt } from '../level/operation-table';
import { DIRECTIVE_OPERATIONS } from './directive.operations';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { canRead } from '../auth/principal';
import { assertCanWrite, requirePrincipal } from '../authz/guards';
import { badUserInput, forbidden } from '../errors/graphql-errors';
import type { SubgraphModule } from '../module/subgraph-module';
import { runInTransaction } from '../mutation/run-in-transaction';
import type { ClassType } from '../pagination/connection';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import type { DirectiveResponseEntity } from './directive-response.entity';
import { DirectiveEntity } from './directive.entity';
import { CascadeDirectiveInput } from './directive.inputs';
import type { DirectiveIssuerLoaders } from './directive.loaders';
import { DIRECTIVE_ISSUER_ROLES } from './directive-issuer.module';
import type { IssuedDirectiveStub } from './directive-responder.module';
import { assertDeadline, resolveTargets } from './directive-rules';
import { today } from '../calendar/calendar-date';
import { fetchAddressedDirective } from './upstream-directive';

type Context = SubgraphContext<DirectiveIssuerLoaders>;

export interface DirectiveCascadeOptions {
  /** The level in the middle, which both answers and issues: the district. */
  level: 'district';
  /** This level's own directive type (from the issuer module). */
  directiveType: ClassType;
  /** The level above's directive as seen here, and this level's answer to it (from the responder module). */
  issuedDirectiveType: ClassType;
  responseType: ClassType;
}

/**
 * 转发下达 A district passes a city directive on to its streets as its own directive, linked by
 * `parentDirectiveId`. Links both ways through federation: `CityDirective.cascades`,
 * `DistrictDirectiveResponse.cascade`, `DistrictDirective.parentDirective`.
 */
export function createDirectiveCascadeModule(options: DirectiveCascadeOptions) {
  const { level } = options;
  const issuerLevel = levelAbove(level)!;
  const operations = operationsAt(DIRECTIVE_OPERATIONS, issuerLevel, 'directive');

  @Resolver(() => options.issuedDirectiveType)
  class CascadesResolver {
    @FieldResolver(() => [options.directiveType], {
      nullable: true,
      description: `转发下达 The ${level}s' directives passing this one on, by ${level} code; each reader sees those it may read.`,
    })
    async cascades(@Root() directive: IssuedDirectiveStub, @Ctx() context: Context): Promise<DirectiveEntity[]> {
      const principal = requirePrincipal(context);
      const cascades = await context.loaders.directivesByParent.load(directive.id);
      return cascades.filter((cascade) => canRead(principal, cascade.issuerCode));
    }

    @Mutation(() => options.directiveType, {
      name: operations.cascadeDirective,
      description: `转发下达 Pass a directive addressed to this ${level} on to some or all of its streets (commission or admin); once per directive.`,
    })
    async cascade(
      @Arg('directiveId', () => ID) directiveId: string,
      @Arg('input', () => CascadeDirectiveInput) input: CascadeDirectiveInput,
      @Ctx() context: Context,
    ): Promise<DirectiveEntity> {
      const principal = requirePrincipal(context);
      if (principal.level !== level) throw forbidden(`只有${LEVEL_NAME_ZH[level]}转发${LEVEL_NAME_ZH[issuerLevel]}指令 / only a ${level} passes a ${issuerLevel} directive on`);
      assertCanWrite(principal, principal.code, DIRECTIVE_ISSUER_ROLES);
      const parent = await fetchAddressedDirective(context, principal, issuerLevel, assertUuid(directiveId, 'directiveId'));
      const deadline = assertDeadline(input.deadline ?? parent.deadline, 'input.deadline', {
        today: today(),
        notAfter: parent.deadline,
      });
      const targetCodes = resolveTargets(
        principal.code,
        { codes: input.targetStreetCodes, all: input.allTargets },
        { codes: 'input.targetStreetCodes', all: 'input.allTargets' },
      );
      return runInTransaction(context, principal, async ({ em, audit }) => {
        // The unique index (issuer, parent) settles a race; this check gives the readable answer.
        const existing = await em.findOne(DirectiveEntity, { issuerCode: principal.code, parentDirectiveId: parent.id });
        if (existing) throw badUserInput('directiveId', `已转发为指令 ${existing.id} / already passed on as directive ${existing.id}`);
        const directive = em.create(DirectiveEntity, {
          issuerCode: principal.code,
          parentDirectiveId: parent.id,
          title: parent.title,
          requirements: input.requirements?.trim() ?? parent.requirements,
          deadline,
          targetCodes,
          issuedBy: principal.subject,
        });
        await audit({ action: 'cascade', entityType: 'Directive', entityId: directive.id, ownerCode: directive.issuerCode, after: directive });
        return directive;
      });
    }
  }

  @Resolver(() => options.responseType)
  class ResponseCascadeResolver {
    @FieldResolver(() => options.directiveType, {
      nullable: true,
      description: '转发下达 This jurisdiction\'s own directive passing the answered one on, if any.',
    })
    async cascade(@Root() response: DirectiveResponseEntity, @Ctx() context: Context): Promise<DirectiveEntity | null> {
      const cascades = await context.loaders.directivesByParent.load(response.directiveId);
      return cascades.find((cascade) => cascade.issuerCode === response.responderCode) ?? null;
    }
  }

  @Resolver(() => options.directiveType)
  class ParentDirectiveResolver {
    @FieldResolver(() => options.issuedDirectiveType, {
      nullable: true,
      description: '上级任务 The directive from the level above this one passes on, if any.',
    })
    parentDirective(@Root() directive: DirectiveEntity): IssuedDirectiveStub | null {
      return directive.parentDirectiveId ? { id: directive.parentDirectiveId } : null;
    }
  }

  const module: SubgraphModule<object> = {
    entities: [DirectiveEntity],
    resolvers: [CascadesResolver, ResponseCascadeResolver, ParentDirectiveResolver],
    createLoaders: () => ({}),
  };
  return module;
}
