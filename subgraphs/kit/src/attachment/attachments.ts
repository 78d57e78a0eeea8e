import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { storeEvidence } from '../crypto/evidence-store';
import { badUserInput } from '../errors/graphql-errors';
import { AttachmentEntity, MAX_ATTACHMENT_BYTES, type AttachmentOwnerType } from './attachment.entity';
import type { AttachmentInput } from './attachment.input';
import { evidenceSizeMessage } from './evidence-base64';

/**
 * Decodes, measures and hashes evidence files and stages them on the unit of work, so they
 * commit with the record they belong to. An oversized file is refused before anything is
 * written, naming the offending list position.
 */
export function stageAttachments(
  em: EntityManager,
  owner: { type: AttachmentOwnerType; id: string },
  inputs: readonly AttachmentInput[],
  field = 'input.attachments',
): AttachmentEntity[] {
  const decoded = inputs.map((input, index) => {
    const content = Buffer.from(input.contentBase64, 'base64');
    if (content.length > MAX_ATTACHMENT_BYTES) {
      throw badUserInput(`${field}.${index}.contentBase64`, evidenceSizeMessage(content.length));
    }
    return { input, content };
  });
  return decoded.map(({ input, content }) =>
    em.create(AttachmentEntity, {
      ownerType: owner.type,
      ownerId: owner.id,
      name: input.name.trim(),
      contentType: input.contentType,
      size: content.length,
      ...storeEvidence(em, content),
    }),
  );
}

/** Attachments of many owners in one statement; content stays unloaded (it is a lazy column). */
export function attachmentsByOwnerLoader(em: EntityManager, ownerType: AttachmentOwnerType) {
  return new DataLoader<string, AttachmentEntity[]>(async (ownerIds) => {
    const rows = await em.find(AttachmentEntity, { ownerType, ownerId: { $in: [...ownerIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return ownerIds.map((ownerId) => rows.filter((row) => row.ownerId === ownerId));
  });
}
