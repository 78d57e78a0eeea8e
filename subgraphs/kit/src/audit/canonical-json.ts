/**
 * JSON with object keys sorted at every depth. PostgreSQL's jsonb does not keep key order, so
 * a hash over plain JSON.stringify would not survive a round trip through the database.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** A record as the audit trail stores it: plain JSON values only (dates as ISO strings). */
export function snapshot(record: object | null | undefined): Record<string, unknown> | null {
  if (!record) return null;
  return JSON.parse(JSON.stringify(record, (_key, value) => (typeof value === 'bigint' ? value.toString() : value)));
}
