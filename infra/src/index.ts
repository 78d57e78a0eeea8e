// The launcher (start.ts) and the token tool (token.ts) are entry points, not library code;
// only the embedded cluster is shared, with the benchmark runner.
export * from './embedded-postgres';
export * from './scale';
