import { GraphQLError } from 'graphql';
import type { Principal } from '../auth/principal';
import { forbidden, notFound } from '../errors/graphql-errors';
import type { Level } from '../jurisdiction/admin-code';
import { ADDRESSED_DIRECTIVE, askPeer, type PeerDirective } from '../cross-level/peer-operations';
import type { SubgraphContext } from '../server/context';
import { namedJurisdiction } from '../jurisdiction/divisions';

/** What the answering level needs to know about a directive from the level above. */
export type UpstreamDirective = PeerDirective;

/**
 * Fetches a directive from the subgraph that owns it, as the caller, and makes sure the caller's
 * jurisdiction is one of its addressees. The owner's own read rule answers first (a district may
 * read only the city directives addressed to it), so "not yours" arrives as FORBIDDEN from there;
 * the target check here is the second lock on the same door.
 */
export async function fetchAddressedDirective(
  context: SubgraphContext<unknown>,
  principal: Principal,
  issuerLevel: Level,
  directiveId: string,
): Promise<UpstreamDirective> {
  let directive: UpstreamDirective | null;
  try {
    ({ directive } = await askPeer(context, ADDRESSED_DIRECTIVE, issuerLevel, undefined, { id: directiveId }));
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'FORBIDDEN') throw notAddressed(directiveId, principal.code);
    throw error;
  }
  if (!directive) throw notFound('directive', directiveId);
  if (!directive.targetCodes.includes(principal.code)) throw notAddressed(directiveId, principal.code);
  return directive;
}

function notAddressed(directiveId: string, code: string) {
  return forbidden(`指令 ${directiveId} 未下达给 ${namedJurisdiction(code)} / directive ${directiveId} is not addressed to ${namedJurisdiction(code)}`);
}
