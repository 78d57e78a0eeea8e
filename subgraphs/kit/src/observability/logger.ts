import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/**
 * Keys whose values never reach a log line, wherever they sit: tokens, secrets, evidence bytes
 * and GraphQL variables (they may hold any of those). The request logger only ever logs chosen
 * fields, so this is the second lock, for a field someone adds later.
 */
const REDACTED_PATHS = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'gatewaySecret',
  '*.gatewaySecret',
  'password',
  '*.password',
  'contentBase64',
  '*.contentBase64',
  'variables',
  '*.variables',
];

/**
 * One JSON object per line (pino): `service`, `level`, `time`, `msg`, and per request
 * `requestId`, `subject`, `operation`. Lines go to stdout unless a destination is given (tests).
 */
export function createLogger(service: string, level: LogLevel = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // Synchronous stdout: a line written just before process.exit (a crash, a stop) is not lost.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/**
 * What may be logged about an error that was not raised on purpose. A database error's message
 * quotes the statement's values (user input), so at info level and above only its class, SQL
 * state and constraint are logged; the message and stack only when debugging.
 */
export function describeInternalError(error: unknown, logger: Logger): Record<string, unknown> {
  const fault = error as { name?: string; code?: unknown; constraint?: unknown; message?: string; stack?: string } | undefined;
  const fromDatabase = typeof fault?.code === 'string' && /^[0-9A-Z]{5}$/.test(fault.code);
  const described: Record<string, unknown> = {
    errorName: fault?.name ?? typeof error,
    ...(fromDatabase ? { sqlState: fault!.code } : {}),
    ...(typeof fault?.constraint === 'string' ? { constraint: fault.constraint } : {}),
  };
  if (logger.isLevelEnabled('debug')) return { ...described, errorMessage: fault?.message, stack: fault?.stack };
  // Errors of the code itself (no SQL) keep their message: it names the bug, not user data.
  return fromDatabase || /sql|insert|update|select|delete/i.test(fault?.message ?? '') ? described : { ...described, errorMessage: fault?.message };
}
