import { GraphQLError } from 'graphql';
import { ADDRESSED_DIRECTIVE, askPeer, type PeerDirective } from '../cross-level/peer-operations';
import { badUserInput } from '../errors/graphql-errors';
import { levelOfCode, parentCode, type Level } from '../jurisdiction/admin-code';
import { namedJurisdiction } from '../jurisdiction/divisions';
import type { SubgraphContext } from '../server/context';
import { DirectiveEntity } from './directive.entity';

/** The levels that issue directives and so keep a `directive` table of their own. */
export const ISSUING_LEVELS: readonly Level[] = ['city', 'district'];

/** Answers of the level above that mean "no such directive for this caller": all read as bad input on the field. */
const REFUSALS = new Set(['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'UNAUTHENTICATED']);

/** Where the directive a task names was found: this level's own, or the level above's (by the peer). */
export type AnsweredDirective = { own: true; directive: DirectiveEntity } | { own: false; directive: PeerDirective };

/**
 * 落实的指令 The directive a task of `ownerCode` names must be one its own jurisdiction issued, or one
 * the jurisdiction directly above issued and addressed to it (a district task: a city directive to
 * that district or one of the district's own; a street task: a district directive to that street).
 * Own directives are in this database; those from above are asked of that level's subgraph with the
 * caller's token (`ADDRESSED_DIRECTIVE`), whose read rule answers first. Called before the write's
 * transaction, so nothing is written when the directive is refused.
 */
export async function assertAnsweredDirective(
  context: SubgraphContext<unknown>,
  ownerCode: string,
  directiveId: string,
  field = 'input.directiveId',
): Promise<AnsweredDirective> {
  const level = levelOfCode(ownerCode);
  if (level && ISSUING_LEVELS.includes(level)) {
    const own = await context.em.findOne(DirectiveEntity, { id: directiveId });
    if (own?.issuerCode === ownerCode) return { own: true, directive: own };
  }
  const above = parentCode(ownerCode);
  const aboveLevel = above ? levelOfCode(above) : undefined;
  let directive: PeerDirective | null = null;
  if (above && aboveLevel) {
    try {
      ({ directive } = await askPeer(context, ADDRESSED_DIRECTIVE, aboveLevel, undefined, { id: directiveId }, { id: field }));
    } catch (error) {
      const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
      if (typeof code !== 'string' || !REFUSALS.has(code)) throw error;
    }
  }
  if (!directive || directive.issuerCode !== above || !directive.targetCodes.includes(ownerCode)) {
    throw badUserInput(
      field,
      `指令 ${directiveId} 既不是 ${namedJurisdiction(ownerCode)} 下达的，也不是上一级下达给它的 / directive ${directiveId} is neither one ${namedJurisdiction(ownerCode)} issued nor one the level above addressed to it`,
    );
  }
  return { own: false, directive };
}
