import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { attachmentsByOwnerLoader } from '../attachment/attachments';
import { loaderOfMany, loaderOfOne } from '../db/loaders';
import { DirectiveResponseEntity } from './directive-response.entity';
import { DirectiveEntity } from './directive.entity';
import { directiveProgressLoader } from './directive-progress';

const newestFirst = { orderBy: { issuedAt: 'desc', id: 'desc' } } as const;

/** Loaders of the issuing level (city, district): its own directives. */
export function createDirectiveIssuerLoaders(em: EntityManager) {
  return {
    directiveById: loaderOfOne((ids: readonly string[]) => em.find(DirectiveEntity, { id: { $in: [...ids] } }), (row) => row.id),
    directivesByIssuer: loaderOfMany(
      (codes: readonly string[]) => em.find(DirectiveEntity, { issuerCode: { $in: [...codes] } }, newestFirst),
      (row) => row.issuerCode,
    ),
    /** One directive may address many of the keys, so rows are matched to every key they name. */
    directivesByTarget: new DataLoader<string, DirectiveEntity[]>(async (codes) => {
      const rows = await em.find(DirectiveEntity, { targetCodes: { $hasSomeKeys: [...codes] } }, newestFirst);
      return codes.map((code) => rows.filter((row) => row.targetCodes.includes(code)));
    }),
    /** The directives that pass one from the level above on (one per cascading jurisdiction). */
    directivesByParent: loaderOfMany(
      (parentIds: readonly string[]) =>
        em.find(DirectiveEntity, { parentDirectiveId: { $in: [...parentIds] } }, { orderBy: { issuerCode: 'asc' } }),
      (row) => row.parentDirectiveId!,
    ),
  };
}

/** Loaders of the answering level (district, street): its responses to directives from above. */
export function createDirectiveResponderLoaders(em: EntityManager) {
  return {
    directiveResponseById: loaderOfOne(
      (ids: readonly string[]) => em.find(DirectiveResponseEntity, { id: { $in: [...ids] } }),
      (row) => row.id,
    ),
    directiveResponsesByDirective: loaderOfMany(
      (directiveIds: readonly string[]) =>
        em.find(DirectiveResponseEntity, { directiveId: { $in: [...directiveIds] } }, { orderBy: { responderCode: 'asc' } }),
      (row) => row.directiveId,
    ),
    directiveProgress: directiveProgressLoader(em),
    directiveResponseAttachments: attachmentsByOwnerLoader(em, 'DIRECTIVE_RESPONSE'),
  };
}

export type DirectiveIssuerLoaders = ReturnType<typeof createDirectiveIssuerLoaders>;
export type DirectiveResponderLoaders = ReturnType<typeof createDirectiveResponderLoaders>;
