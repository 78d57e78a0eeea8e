import { Writable } from 'node:stream';
import { createLogger, describeInternalError } from './logger';

function capture(level: 'info' | 'debug') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('test', level, sink), lines };
}

// What PostgreSQL (through pg and MikroORM) reports for a duplicate: the statement and its values.
const sqlError = Object.assign(
  new Error(`insert into "unit" ("name") values ('张三的私人电话 13800000000') - duplicate key value violates unique constraint "unit_name_unique"`),
  { name: 'UniqueConstraintViolationException', code: '23505', constraint: 'unit_name_unique' },
);

test('at info level a database error is logged by class, SQL state and constraint, without the values', () => {
  const { logger } = capture('info');
  const described = describeInternalError(sqlError, logger);
  expect(described).toEqual({ errorName: 'UniqueConstraintViolationException', sqlState: '23505', constraint: 'unit_name_unique' });
  expect(JSON.stringify(described)).not.toContain('13800000000');
});

test('when debugging, the full message is logged', () => {
  const { logger } = capture('debug');
  expect(describeInternalError(sqlError, logger).errorMessage).toContain('13800000000');
});

test('tokens, secrets, evidence bytes and variables are redacted wherever they sit', async () => {
  const { logger, lines } = capture('info');
  logger.info({ authorization: 'Bearer abc.def.ghi', request: { variables: { x: 1 }, contentBase64: 'AAAA' }, gatewaySecret: 's3cr3t' }, 'x');
  await new Promise((resolve) => setTimeout(resolve, 50));
  const text = lines.join('');
  for (const secret of ['abc.def.ghi', 'AAAA', 's3cr3t', '"x":1']) expect(text).not.toContain(secret);
  expect(text).toContain('[redacted]');
});
