import { Entity, Index, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import type { DigestAlgorithm } from '../crypto/digest';
import { newId } from '../ids';

/** The largest evidence file accepted, in bytes (5 MiB); the database enforces it too. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export const ATTACHMENT_OWNER_TYPES = ['DUTY_RECORD', 'DIRECTIVE_RESPONSE', 'RECTIFICATION_REPORT'] as const;
export type AttachmentOwnerType = (typeof ATTACHMENT_OWNER_TYPES)[number];

/**
 * 佐证材料 Evidence attached to a record (one version of a duty record, a directive response),
 * pointing at its bytes by their SHA-256 (evidence-content.entity.ts: stored once per content).
 */
@Entity({ tableName: 'attachment' })
@Index({ properties: ['ownerType', 'ownerId'] })
export class AttachmentEntity {
  /** Properties with defaults, optional when creating. */
  [OptionalProps]?: 'id' | 'createdAt' | 'digestAlgorithm';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'string', length: 30 })
  ownerType!: AttachmentOwnerType;

  @Property({ type: 'uuid' })
  ownerId!: string;

  /** The jurisdiction that owns the record the file belongs to (row-level security reads it). */
  @Property({ type: 'string', length: 9 })
  ownerCode!: string;

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

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
