import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import { DEFAULT_TOKEN_POLICY, ensureLocalSecrets, LEVELS, ROLES, signToken, type Level, type Role } from '@supervision/kit';
import { SECRETS_DIR } from './paths';

const USAGE = `Prints a signed token for the local platform.

  npm run token -- --level district --code 120117 --role admin [--role leader] [--sub id] [--name 名字] [--expires 8h]

  --level    ${LEVELS.join(' | ')}
  --code     the jurisdiction's administrative code (120000, 1201xx or a 9-digit street code)
  --role     ${ROLES.join(' | ')} (repeatable)
  --expires  lifetime, a jose time span (default 8h); at most TOKEN_MAX_LIFETIME_SECONDS
             (default ${DEFAULT_TOKEN_POLICY.maxLifetimeSeconds} s = 12h), the longest the services accept`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      level: { type: 'string' },
      code: { type: 'string' },
      role: { type: 'string', multiple: true },
      sub: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.level || !values.code || !values.role?.length) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const secrets = await ensureLocalSecrets(SECRETS_DIR);
  const token = await signToken(
    {
      subject: values.sub ?? `${values.level}-${values.code}-${values.role.join('+')}`,
      level: values.level as Level,
      code: values.code,
      roles: values.role as Role[],
      name: values.name,
      expiresIn: values.expires,
    },
    secrets.privateJwk,
  );
  // The services refuse a longer-lived token, so say so here rather than hand one out.
  const maxLifetime = Number(process.env.TOKEN_MAX_LIFETIME_SECONDS ?? DEFAULT_TOKEN_POLICY.maxLifetimeSeconds);
  const { exp = 0, iat = 0 } = decodeJwt(token);
  if (exp - iat > maxLifetime) {
    console.error(`令牌有效期过长 / --expires ${values.expires} is longer than the ${maxLifetime} s the platform accepts`);
    process.exit(2);
  }
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
