import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { readEvidence, storeEvidence } from '../crypto/evidence-store';
import { badUserInput } from '../errors/graphql-errors';
import { AttachmentEntity, MAX_ATTACHMENT_BYTES, type AttachmentOwnerType } from './attachment.entity';
import type { AttachmentInput } from './attachment.input';
import { evidenceSizeMessage } from './evidence-base64';
import { EvidenceContentEntity } from './evidence-content.entity';

/** Default per-jurisdiction evidence quota (EVIDENCE_QUOTA_BYTES): 2 GiB of distinct content. */
export const DEFAULT_EVIDENCE_QUOTA_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * Decodes, measures and hashes evidence files, checks the owner jurisdiction's quota, stores each
 * content once (a content already stored costs nothing) and stages the attachment rows on the unit
 * of work, so they commit with the record they belong to. Must run inside the change's
 * transaction. An oversized file or a full quota is refused before anything is written, naming
 * the offending field.
 */
export async function storeAttachments(
  em: EntityManager,
  owner: { type: AttachmentOwnerType; id: string; code: string },
  inputs: readonly AttachmentInput[],
  options: { field?: string; quotaBytes?: number } = {},
): Promise<AttachmentEntity[]> {
  const field = options.field ?? 'input.attachments';
  const decoded = inputs.map((input, index) => {
    const content = Buffer.from(input.contentBase64, 'base64');
    if (content.length > MAX_ATTACHMENT_BYTES) {
      throw badUserInput(`${field}.${index}.contentBase64`, evidenceSizeMessage(content.length));
    }
    // The digests of the plaintext; the bytes to store sealed under the level's data key, if it has one.
    const { sha256, digestAlgorithm, digest, keyId, content: stored } = storeEvidence(em, content);
    return { input, content, sha256, digestAlgorithm, digest, keyId, stored };
  });
  if (decoded.length === 0) return [];
  await assertWithinEvidenceQuota(em, owner.code, decoded, options.quotaBytes ?? DEFAULT_EVIDENCE_QUOTA_BYTES, field);
  const unique = [...new Map(decoded.map((file) => [file.sha256, file])).values()];
  // Content first (attachments reference it), sealed at rest where the level has a data key; a
  // content someone already stored stays as it is (under the key it was sealed with).
  await em.getConnection().execute(
    `select store_evidence_content("v"."digest", "v"."bytes", "v"."body", "v"."key_id") from (values ${unique.map(() => '(?::text, ?::integer, ?::bytea, ?::text)').join(', ')}) as "v" ("digest", "bytes", "body", "key_id")`,
    unique.flatMap((file) => [file.sha256, file.content.length, file.stored, file.keyId]),
    'run',
    em.getTransactionContext(),
  );
  return decoded.map(({ input, content, sha256, digestAlgorithm, digest }) =>
    em.create(AttachmentEntity, {
      ownerType: owner.type,
      ownerId: owner.id,
      ownerCode: owner.code,
      name: input.name.trim(),
      contentType: input.contentType,
      size: content.length,
      sha256,
      digestAlgorithm,
      digest,
    }),
  );
}

/**
 * A jurisdiction's evidence is the distinct content its attachments point at; new files count
 * only when that jurisdiction does not hold their content yet. Writers of one jurisdiction take
 * turns (a transaction-scoped advisory lock), so two uploads cannot both squeeze under the quota.
 */
async function assertWithinEvidenceQuota(
  em: EntityManager,
  code: string,
  files: readonly { sha256: string; content: Buffer }[],
  quotaBytes: number,
  field: string,
): Promise<void> {
  const connection = em.getConnection();
  const transaction = em.getTransactionContext();
  if (!transaction) throw new Error('evidence must be stored inside the transaction of the change');
  await connection.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`evidence-quota:${code}`], 'all', transaction);
  const hashes = [...new Set(files.map((file) => file.sha256))];
  const [usage] = await connection.execute<{ used: string; held: string[] }[]>(
    `select coalesce(sum(c."size"), 0)::text as "used",
       coalesce(array_agg(c."sha256") filter (where c."sha256" in (${hashes.map(() => '?').join(', ')})), '{}') as "held"
     from "evidence_content" c
     where c."sha256" in (select a."sha256" from "attachment" a where a."owner_code" = ?)`,
    [...hashes, code],
    'all',
    transaction,
  );
  const held = new Set(usage.held.map((hash) => hash.trim()));
  const added = new Map(files.filter((file) => !held.has(file.sha256)).map((file) => [file.sha256, file.content.length]));
  const addedBytes = [...added.values()].reduce((sum, size) => sum + size, 0);
  const used = Number(usage.used);
  if (used + addedBytes > quotaBytes) {
    throw new GraphQLError(
      `超出佐证材料存储配额 / evidence quota exceeded (QUOTA_EXCEEDED): ${code} stores ${used} bytes of evidence, these files add ${addedBytes}, the quota is ${quotaBytes} bytes`,
      { extensions: { code: 'BAD_USER_INPUT', field, reason: 'QUOTA_EXCEEDED', usedBytes: used, addedBytes, quotaBytes } },
    );
  }
}

/** The bytes of one attachment, opened if sealed; null when the caller may not see it (row-level security). */
export async function attachmentContent(em: EntityManager, attachment: AttachmentEntity): Promise<Buffer | null> {
  const stored = await em.findOne(EvidenceContentEntity, { sha256: attachment.sha256 }, { populate: ['content'] });
  return stored ? readEvidence(em, stored) : null;
}

/** Attachments of many owners in one statement; content stays unloaded (it is a lazy column). */
export function attachmentsByOwnerLoader(em: EntityManager, ownerType: AttachmentOwnerType) {
  return new DataLoader<string, AttachmentEntity[]>(async (ownerIds) => {
    const rows = await em.find(AttachmentEntity, { ownerType, ownerId: { $in: [...ownerIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return ownerIds.map((ownerId) => rows.filter((row) => row.ownerId === ownerId));
  });
}
