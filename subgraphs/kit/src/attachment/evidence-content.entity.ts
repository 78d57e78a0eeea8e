import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * 佐证材料内容 The bytes of evidence, stored once per content in each level's database, keyed by
 * the SHA-256 of the file (the database checks it for unsealed content). Attachments point at it, so a
 * correction that keeps the previous version's files adds rows of metadata, not copies.
 */
@Entity({ tableName: 'evidence_content' })
export class EvidenceContentEntity {
  @PrimaryKey({ type: 'string', length: 64 })
  sha256!: string;

  @Property({ type: 'integer' })
  size!: number;

  /** As stored: sealed under `keyId` where the level has evidence keys (`crypto/evidence-store.ts`), else the file itself. */
  @Property({ type: 'blob', lazy: true })
  content!: Buffer;

  /** The data key the content is sealed under; null: stored as it came. */
  @Property({ type: 'string', length: 64, nullable: true })
  keyId: string | null = null;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
