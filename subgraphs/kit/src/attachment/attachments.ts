import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { badUserInput } from '../errors/graphql-errors';
import { AttachmentEntity, MAX_ATTACHMENT_BYTES, type AttachmentOwnerType } from './attachment.entity';
import type { AttachmentInput } from './attachment.input';

/**
 * Decodes, measures and hashes evidence files and stages them on the unit of work, so they
 * commit with the record they belong to. An oversized file is refused before anything is
 * written, naming the offending list position.
 */
export function stageAttachments(
  em: EntityManager,
  owner: { type: AttachmentOwnerType; id: string; code: string },
  inputs: readonly AttachmentInput[],
  field = 'input.attachments',
): AttachmentEntity[] {
  const decoded = inputs.map((input, index) => {
    const content = Buffer.from(input.contentBase64, 'base64');
    if (content.length > MAX_ATTACHMENT_BYTES) {
      throw badUserInput(
        `${field}.${index}.contentBase64`,
        `file is ${content.length} bytes; the limit is ${MAX_ATTACHMENT_BYTES} bytes (5 MiB)`,
      );
    }
    return { input, content };
  });
  return decoded.map(({ input, content }) =>
    em.create(AttachmentEntity, {
      ownerType: owner.type,
      ownerId: owner.id,
      ownerCode: owner.code,
      name: input.name.trim(),
      contentType: input.contentType,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
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
