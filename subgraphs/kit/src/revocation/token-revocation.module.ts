import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Principal } from '../auth/principal';
import { requirePrincipal } from '../authz/guards';
import { badUserInput, forbidden } from '../errors/graphql-errors';
import { CITY_CODE } from '../jurisdiction/admin-code';
import type { SubgraphModule } from '../module/subgraph-module';
import { runInTransaction } from '../mutation/run-in-transaction';
import type { SubgraphContext } from '../server/context';
import { TokenRevocationEntity } from './token-revocation.entity';
import { revocationListOf } from './revocation-list';

@ObjectType('TokenRevocation', { description: '令牌撤销 A revoked token (by jti) or a subject whose tokens issued so far are revoked.' })
export class TokenRevocationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: '令牌编号 The revoked token\'s jti; null when a subject\'s sessions were revoked.' })
  jti!: string | null;

  @Field(() => String, { nullable: true, description: '主体 The subject whose tokens issued up to `revokedAt` are refused.' })
  subject!: string | null;

  @Field(() => String, { description: '理由 Why.' })
  reason!: string;

  @Field(() => String, { description: '撤销人 Who revoked (token subject).' })
  revokedBy!: string;

  @Field(() => Date, { description: '撤销时间 When it was revoked.' })
  revokedAt!: Date;
}

/** Only the city commission's staff may cut off sessions: a deny-list entry reaches every level. */
function requireCityCommission(context: SubgraphContext<unknown>): Principal {
  const principal = requirePrincipal(context);
  if (principal.level !== 'city' || !principal.roles.includes('commission')) {
    throw forbidden('只有市纪委工作人员可撤销令牌 / only the city commission\'s staff may revoke tokens');
  }
  return principal;
}

function text(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw badUserInput(field, `${field} 不能为空 / ${field} must not be empty`);
  if (trimmed.length > max) throw badUserInput(field, `${field} 超出 ${max} 个字符 / ${field} is longer than ${max} characters`);
  return trimmed;
}

@Resolver(() => TokenRevocationType)
export class TokenRevocationResolver {
  @Mutation(() => TokenRevocationType, {
    name: 'revokeToken',
    description: '撤销令牌 Revoke one token by its `jti`; the gateway and every subgraph refuse it within seconds (city commission staff).',
  })
  async revokeToken(
    @Arg('jti', () => ID, { description: '令牌编号 The jti claim of the token to refuse.' }) jti: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: SubgraphContext<unknown>,
  ): Promise<TokenRevocationEntity> {
    const principal = requireCityCommission(context);
    return revoke(context, principal, { jti: text('jti', jti, 200) }, text('reason', reason, 500));
  }

  @Mutation(() => TokenRevocationType, {
    name: 'revokeSessions',
    description: '撤销会话 Revoke every token of a subject issued up to now, e.g. when a person leaves or a device is lost (city commission staff).',
  })
  async revokeSessions(
    @Arg('subject', () => String, { description: '主体 The token subject whose sessions end.' }) subject: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: SubgraphContext<unknown>,
  ): Promise<TokenRevocationEntity> {
    const principal = requireCityCommission(context);
    return revoke(context, principal, { subject: text('subject', subject, 255) }, text('reason', reason, 500));
  }

  @Query(() => [TokenRevocationType], { name: 'tokenRevocations', description: '撤销记录 Every revocation, newest first, up to 200 (city commission staff).' })
  async tokenRevocations(@Ctx() context: SubgraphContext<unknown>): Promise<TokenRevocationEntity[]> {
    requireCityCommission(context);
    return context.em.find(TokenRevocationEntity, {}, { orderBy: { revokedAt: 'desc' }, limit: 200 });
  }
}

async function revoke(
  context: SubgraphContext<unknown>,
  principal: Principal,
  target: { jti?: string; subject?: string },
  reason: string,
): Promise<TokenRevocationEntity> {
  const row = await runInTransaction(context, principal, async ({ em, audit }) => {
    const created = em.create(TokenRevocationEntity, { ...target, reason, revokedBy: principal.subject });
    await em.flush();
    await audit({ action: 'revoke', entityType: 'TokenRevocation', entityId: created.id, ownerCode: CITY_CODE, after: created });
    return created;
  });
  // The city's own list takes it at once; the gateway and the other levels at their next refresh.
  await revocationListOf(context.em)?.refresh();
  return row;
}

export const tokenRevocationModule: SubgraphModule<object> = {
  entities: [TokenRevocationEntity],
  resolvers: [TokenRevocationResolver],
  createLoaders: () => ({}),
};
