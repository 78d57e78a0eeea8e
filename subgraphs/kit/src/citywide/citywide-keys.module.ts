import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import { canRead } from '../auth/principal';
import { requirePrincipal } from '../authz/guards';
import { badUserInput, forbidden } from '../errors/graphql-errors';
import type { Level } from '../jurisdiction/admin-code';
import type { SubgraphModule } from '../module/subgraph-module';
import type { SubgraphContext } from '../server/context';
import { resolveScope } from './citywide-scope';
import { keysRequestSchema, selectCitywideKeys } from './citywide-lists';
import { selectDistrictFigures } from './district-figures.sql';
import { selectCompletedAddressees, selectOverdueDirectiveKeys } from './overdue-directives.sql';
import { citywidePeerFields } from './citywide.operations';

type Context = SubgraphContext<unknown>;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const uuid = z.string().uuid();
const scope = z.array(z.string().regex(/^\d{6}(\d{3})?$/)).min(1).max(320);

const figuresRequestSchema = z.object({ districts: z.array(z.string().regex(/^\d{6}$/)).min(1).max(320), from: date, to: date, today: date });
const overdueDirectivesRequestSchema = z.object({ scope, first: z.number().int().min(1).max(101), after: z.string().nullable(), today: date });
const completedRequestSchema = z.object({ directiveIds: z.array(uuid).max(101) });

/**
 * Only another level's subgraph asks these (they are `@inaccessible`, so the gateway's API has
 * no such fields); the gateway secret plus the peer header show that a peer made the call.
 */
function assertPeerCall(context: Context): void {
  if (!context.peerCaller) throw forbidden('仅供子图之间调用 / only other levels\' subgraphs ask this');
}

function parseRequest<T>(schema: z.ZodType<T>, request: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(request);
  } catch {
    throw badUserInput('request', '不是合法的 JSON / is not JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw badUserInput('request', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  return parsed.data;
}

/**
 * 全市列表的键 What every level answers for the city-wide lists: its best keys for a list's
 * filter (one statement), its share of the per-district figures (one statement), its directives
 * past their deadline (one statement) and which addressees completed them (one statement). The
 * caller's token came along, so the scope is checked here again against the caller's own read
 * rule — the merging subgraph is not trusted to have done it.
 */
export function createCitywideKeysModule(level: Level): SubgraphModule {
  const fields = citywidePeerFields(level);

  @Resolver()
  class CitywideKeysResolver {
    @Directive('@inaccessible')
    @Query(() => String, { name: fields.keys, description: '全市列表的键（子图间）Keys of this level for a city-wide list, as JSON; asked by the merging subgraph only.' })
    async keys(@Arg('request', () => String) request: string, @Ctx() context: Context): Promise<string> {
      const principal = requirePrincipal(context);
      assertPeerCall(context);
      const parsed = parseRequest(keysRequestSchema, request);
      const checkedScope = resolveScope(principal, parsed.scope);
      try {
        return JSON.stringify(await selectCitywideKeys(context.em, level, { ...parsed, scope: checkedScope }, parsed.today));
      } catch (error) {
        if (error instanceof z.ZodError) throw badUserInput('filter', error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
        throw error;
      }
    }

    @Directive('@inaccessible')
    @Query(() => String, { name: fields.figures, description: '区合计（子图间）This level\'s share of the per-district figures, as JSON; asked by the merging subgraph only.' })
    async figures(@Arg('request', () => String) request: string, @Ctx() context: Context): Promise<string> {
      const principal = requirePrincipal(context);
      assertPeerCall(context);
      const parsed = parseRequest(figuresRequestSchema, request);
      const districts = resolveScope(principal, parsed.districts, 'scope');
      return JSON.stringify(await selectDistrictFigures(context.em, level, { ...parsed, districts }));
    }

    @Directive('@inaccessible')
    @Query(() => String, { name: fields.overdueDirectives, description: '逾期指令的键（子图间）This level\'s directives past their deadline, as JSON; asked by the merging subgraph only.' })
    async overdueDirectives(@Arg('request', () => String) request: string, @Ctx() context: Context): Promise<string> {
      const principal = requirePrincipal(context);
      assertPeerCall(context);
      const parsed = parseRequest(overdueDirectivesRequestSchema, request);
      const checkedScope = resolveScope(principal, parsed.scope);
      return JSON.stringify(await selectOverdueDirectiveKeys(context.em, level, { ...parsed, scope: checkedScope }));
    }

    @Directive('@inaccessible')
    @Query(() => String, {
      name: fields.completedAddressees,
      description: '已完成的受文单位（子图间）Which addressees at this level completed these directives, as JSON; asked by the merging subgraph only.',
    })
    async completedAddressees(@Arg('request', () => String) request: string, @Ctx() context: Context): Promise<string> {
      const principal = requirePrincipal(context);
      assertPeerCall(context);
      const parsed = parseRequest(completedRequestSchema, request);
      // The caller learns only about answers of jurisdictions it may read.
      const rows = await selectCompletedAddressees(context.em, parsed.directiveIds);
      return JSON.stringify(rows.filter((row) => canRead(principal, row.responderCode)));
    }
  }

  return { entities: [], resolvers: [CitywideKeysResolver], createLoaders: () => ({}) };
}

