import type { JurisdictionLoaders, JurisdictionRecord } from '../jurisdiction/jurisdiction-loaders';
import { operationsAt } from '../level/operation-table';
import { DIRECTIVE_OPERATIONS } from './directive.operations';
import { OutstandingAddresseeType } from './directive-outstanding';
import { levelAbove } from '../level/level-relations';
import { Arg, Ctx, Directive, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { AttachmentEntity } from '../attachment/attachment.entity';
import { AttachmentType } from '../attachment/attachment.type';
import { canRead } from '../auth/principal';
import { assertCanRead, requirePrincipal } from '../authz/guards';
import type { Level } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import type { SubgraphContext } from '../server/context';
import { DirectiveResponseEntity } from './directive-response.entity';
import { acknowledgeDirective, completeDirective, reportDirectiveProgress, type AnsweringLevels } from './directive-response.service';
import { CompleteDirectiveInput, ReportDirectiveProgressInput } from './directive.inputs';
import { DirectiveProgressType, DirectiveResponseInterface } from './directive.interfaces';
import { createDirectiveResponderLoaders, type DirectiveResponderLoaders } from './directive.loaders';
import type { DirectiveProgress } from './directive-progress';
import { createOutstandingResolver } from './directive-outstanding';

type Context = SubgraphContext<JurisdictionLoaders & DirectiveResponderLoaders>;

/** The issuing level's directive as the answering subgraph sees it: a key and the fields `@requires` asks for. */
export interface IssuedDirectiveStub {
  id: string;
  issuerCode?: string;
  targetCodes?: string[];
}

/**
 * 回应 / 逐级汇总 The answering side, for each district (answering the city) and each street
 * (answering its district). The answers live here, in the answering level's database, and are
 * contributed to the issuing level's type: `CityDirective.responses` and `.progress` come from
 * the district subgraph. Whether the caller is an addressee is asked of the issuing subgraph at
 * write time (see `fetchAddressedDirective`), so no directive is ever copied down.
 */
export function createDirectiveResponderModule(options: LevelOptions) {
  const { level } = options;
  const above = levelAbove(level);
  if (!above) throw new Error(`a ${level} has no level above it to answer`);
  const issuerLevel: Level = above;
  const operations = operationsAt(DIRECTIVE_OPERATIONS, issuerLevel, 'directive');
  const issuedTypeName = levelTypeName(issuerLevel, 'Directive');
  const answering: AnsweringLevels = { level, issuerLevel };

  /**
   * The issuer's directive, owned by the subgraph above. Its addressees are `@external`: the
   * gateway fetches them from the owner and hands them over for `progress`, so the summary is
   * one aggregate here without this level ever storing the directive.
   */
  @Directive('@key(fields: "id")')
  @ObjectType(issuedTypeName)
  class IssuedDirectiveRef {
    @Field(() => ID)
    id!: string;

    @Directive('@external')
    @Field(() => ID)
    issuerCode!: string;

    @Directive('@external')
    @Field(() => [ID])
    targetCodes!: string[];

    @Directive('@external')
    @Field(() => String)
    deadline!: string;
  }

  @Directive('@key(fields: "id")')
  @ObjectType(levelTypeName(level, 'DirectiveResponse'), {
    implements: DirectiveResponseInterface,
    description: `回应 A ${level}'s answer to a directive from its ${issuerLevel}.`,
  })
  class ResponseType extends DirectiveResponseInterface {
    /**
     * Hidden from clients (`@inaccessible`), never resolved. Hive Gateway's stitching engine marks a
     * type reachable only through `@requires` fields as canonical in each subgraph defining it, and
     * `DirectiveProgress` is such a type at the district and the street level; one plain reference
     * per subgraph keeps it a value type there and the supergraph loadable on Hive Gateway.
     */
    @Directive('@inaccessible')
    @Field(() => DirectiveProgressType, { nullable: true, description: '内部 Internal: not part of the API schema.' })
    directiveProgressAnchor?: null;

    /** The same for `DirectiveOutstandingAddressee`, reached only through `outstanding` (`@requires`). */
    @Directive('@inaccessible')
    @Field(() => [OutstandingAddresseeType], { nullable: true, description: '内部 Internal: not part of the API schema.' })
    directiveOutstandingAnchor?: null;
  }

  function assertCanReadResponse(context: Context, response: DirectiveResponseEntity): DirectiveResponseEntity {
    assertCanRead(requirePrincipal(context), response.responderCode);
    return response;
  }

  @Resolver(() => IssuedDirectiveRef)
  class IssuedDirectiveResolver {
    @FieldResolver(() => [ResponseType], {
      nullable: true,
      description: `回应 The ${level}s' answers, by ${level} code; each reader sees the answers of jurisdictions it may read.`,
    })
    async responses(@Root() directive: IssuedDirectiveStub, @Ctx() context: Context): Promise<DirectiveResponseEntity[]> {
      const principal = requirePrincipal(context);
      const responses = await context.loaders.directiveResponsesByDirective.load(directive.id);
      return responses.filter((response) => canRead(principal, response.responderCode));
    }

    @Directive('@requires(fields: "issuerCode targetCodes")')
    @FieldResolver(() => DirectiveProgressType, {
      nullable: true,
      description: `逐级汇总 How all addressed ${level}s stand, counted here in one statement; for the issuer and those above it.`,
    })
    progress(@Root() directive: IssuedDirectiveStub, @Ctx() context: Context): Promise<DirectiveProgress> {
      assertCanRead(requirePrincipal(context), directive.issuerCode!);
      return context.loaders.directiveProgress.load({ id: directive.id, targetCodes: directive.targetCodes! });
    }
  }

  @Resolver(() => ResponseType)
  class ResponseResolver {
    @FieldResolver(() => [AttachmentType], { description: '佐证材料 Evidence sent with the reports, oldest first.' })
    attachments(@Root() response: DirectiveResponseEntity, @Ctx() context: Context): Promise<AttachmentEntity[]> {
      return context.loaders.directiveResponseAttachments.load(response.id);
    }

    @FieldResolver(() => IssuedDirectiveRef, { description: '任务 The directive answered.' })
    directive(@Root() response: DirectiveResponseEntity): IssuedDirectiveStub {
      return { id: response.directiveId };
    }

    @FieldResolver(() => options.jurisdictionType, { name: options.jurisdictionField, nullable: true, description: '回应单位 The answering jurisdiction.' })
    jurisdiction(@Root() response: DirectiveResponseEntity, @Ctx() context: Context): Promise<JurisdictionRecord | null> {
      return context.loaders.jurisdictionByCode.load(response.responderCode);
    }

    @Mutation(() => ResponseType, {
      name: operations.acknowledgeDirective,
      description: `签收 A ${level} acknowledges a directive addressed to it (admin of the ${level}).`,
    })
    acknowledge(@Arg('directiveId', () => ID) directiveId: string, @Ctx() context: Context): Promise<DirectiveResponseEntity> {
      return acknowledgeDirective(context, answering, directiveId);
    }

    @Mutation(() => ResponseType, {
      name: operations.reportDirectiveProgress,
      description: '报告进展 Report progress (0–100) with evidence; acknowledges the directive if not yet done.',
    })
    reportProgress(
      @Arg('directiveId', () => ID) directiveId: string,
      @Arg('input', () => ReportDirectiveProgressInput) input: ReportDirectiveProgressInput,
      @Ctx() context: Context,
    ): Promise<DirectiveResponseEntity> {
      return reportDirectiveProgress(context, answering, directiveId, input);
    }

    @Mutation(() => ResponseType, {
      name: operations.completeDirective,
      description: '办结 Report a directive completed (progress 100) with evidence; only once.',
    })
    complete(
      @Arg('directiveId', () => ID) directiveId: string,
      @Arg('input', () => CompleteDirectiveInput) input: CompleteDirectiveInput,
      @Ctx() context: Context,
    ): Promise<DirectiveResponseEntity> {
      return completeDirective(context, answering, directiveId, input);
    }
  }

  const module: SubgraphModule<DirectiveResponderLoaders> = {
    entities: [DirectiveResponseEntity, AttachmentEntity],
    resolvers: [IssuedDirectiveResolver, ResponseResolver, createOutstandingResolver(IssuedDirectiveRef)],
    referenceResolvers: {
      // The gateway names only the directive's key and, for `progress`, its addressees.
      [issuedTypeName]: { __resolveReference: (reference: IssuedDirectiveStub) => reference },
      [levelTypeName(level, 'DirectiveResponse')]: {
        __resolveReference: async (reference: { id: string }, context: Context) => {
          const response = await context.loaders.directiveResponseById.load(reference.id);
          return response && assertCanReadResponse(context, response);
        },
      },
    },
    createLoaders: createDirectiveResponderLoaders,
  };
  return { ...module, IssuedDirectiveRef, ResponseType };
}
