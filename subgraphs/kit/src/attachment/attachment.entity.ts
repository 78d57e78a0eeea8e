import { Entity, Index, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import type { DigestAlgorithm } from '../crypto/digest';
import { newId } from '../ids';

/** The largest evidence file accepted, in bytes (5 MiB); the database enforces it too. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export const ATTACHMENT_OWNER_TYPES = ['DUTY_RECORD', 'DIRECTIVE_RESPONSE', 'RECTIFICATION_REPORT'] as const;
export type AttachmentOwnerType = (typeof ATTACHMENT_OWNER_TYPES)[number];

/**
 * 佐证材料 Evidence attached to a record (one version of a duty record, a directive response),
 * stored with its SHA-256 so a copy can be checked against the original.
 */
@Entity({ tableName: 'attachment' })
@Index({ properties: ['ownerType', 'ownerId'] })
export class AttachmentEntity {
  /** Properties with defaults, optional when creating. */
  [OptionalProps]?: 'id' | 'createdAt' | 'digestAlgorithm' | 'keyId';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'string', length: 30 })
  ownerType!: AttachmentOwnerType;

  @Property({ type: 'uuid' })
  ownerId!: string;

  @Property({ type: 'string', length: 255 })
  name!: string;

  @Property({ type: 'string', length: 100 })
  contentType!: string;

  @Property({ type: 'integer' })
  size!: number;

  @Property({ type: 'string', length: 64 })
  sha256!: string;

  /** The digest under the level's chosen algorithm (SM3 where commercial cryptography is required). */
  @Property({ type: 'string', length: 10 })
  digestAlgorithm: DigestAlgorithm = 'sha256';

  @Property({ type: 'string', length: 64 })
  digest!: string;

  /** The data key the content is sealed under (`crypto/evidence-store.ts`); null: stored as it came. */
  @Property({ type: 'string', length: 64, nullable: true })
  keyId: string | null = null;

  /** Loaded only when asked for: lists of attachments should not drag megabytes along. */
  @Property({ type: 'blob', lazy: true })
  content!: Buffer;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
