import { timingSafeEqual } from 'node:crypto';

/**
 * Subgraphs accept calls only from the gateway. The gateway adds this header to every
 * subgraph request; a subgraph compares it in constant time so the secret cannot be
 * guessed byte by byte from response timings.
 */
export const GATEWAY_SECRET_HEADER = 'x-gateway-secret';

export function isGatewaySecret(presented: string | undefined, expected: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
