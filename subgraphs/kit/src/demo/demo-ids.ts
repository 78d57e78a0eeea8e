import { createHash } from 'node:crypto';

/**
 * A UUID derived from a name. Each level seeds its own database without seeing the others, yet
 * a district's demo response must name the very directive the city's seed created: both sides
 * compute the same id from the same name.
 */
export function demoId(name: string): string {
  const hex = createHash('sha256').update(`supervision-demo:${name}`).digest('hex');
  // Shape it as an RFC 4122 UUID, version 8 (custom), variant 10.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
