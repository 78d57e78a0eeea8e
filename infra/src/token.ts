import { parseArgs } from 'node:util';
import { ensureLocalSecrets, LEVELS, ROLES, signToken, type Level, type Role } from '@supervision/kit';
import { SECRETS_DIR } from './paths';

const USAGE = `Prints a signed token for the local platform.

  npm run token -- --level district --code 120117 --role admin [--role leader] [--sub id] [--name 名字] [--expires 8h]

  --level    ${LEVELS.join(' | ')}
  --code     the jurisdiction's administrative code (120000, 1201xx or a 9-digit street code)
  --role     ${ROLES.join(' | ')} (repeatable)`;

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
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
