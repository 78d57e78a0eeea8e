import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * 佐证材料内容 The bytes of evidence, stored once per content in each level's database, keyed by
 * their SHA-256 (the database checks that the key is the digest). Attachments point at it, so a
 * correction that keeps the previous version's files adds rows of metadata, not copies.
 */
@Entity({ tableName: 'evidence_content' })
export class EvidenceContentEntity {
  @PrimaryKey({ type: 'string', length: 64 })
  sha256!: string;

  @Property({ type: 'integer' })
  size!: number;

  @Property({ type: 'blob', lazy: true })
  content!: Buffer;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
