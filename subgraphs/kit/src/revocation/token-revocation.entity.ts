import { Entity, Index, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { newId } from '../ids';

/**
 * 令牌撤销 One revocation: a single token (`jti`) or every token of a subject issued up to
 * `revokedAt`. Kept in the city's database, the platform's one deny-list; rows are never
 * deleted (they are evidence of who cut whom off), and only those younger than the longest token
 * lifetime are served, since older tokens have expired anyway.
 */
@Entity({ tableName: 'token_revocation' })
@Index({ properties: ['revokedAt'] })
export class TokenRevocationEntity {
  [OptionalProps]?: 'id' | 'revokedAt' | 'jti' | 'subject';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'string', length: 200, nullable: true })
  jti: string | null = null;

  @Property({ type: 'string', length: 255, nullable: true })
  subject: string | null = null;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'string', length: 255 })
  revokedBy!: string;

  @Property({ type: 'Date' })
  revokedAt: Date = new Date();
}
