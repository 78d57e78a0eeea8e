import { GraphQLJSONObject } from 'graphql-scalars';
import { operationsAt } from '../level/operation-table';
import { AUDIT_OPERATIONS } from './audit.operations';
import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, InterfaceType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { canRead } from '../auth/principal';
import { requirePrincipal } from '../authz/guards';
import { forbidden } from '../errors/graphql-errors';
import { LEVELS, levelOfCode, type Level } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import type { SubgraphModule } from '../module/subgraph-module';
import type { SubgraphContext } from '../server/context';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DutyRecordEntity } from '../duty-record/duty-record.entity';
import { assertUuid } from '../validation/assert-uuid';
import { AuditEntityType, type AuditEntityTypeName } from './audit-entity-type';
import { AuditEntryEntity } from './audit-entry.entity';
import { verifyAuditChain, type AuditChainReport } from './audit-trail';
import { auditStateFor } from './classified-audit-fields';

@InterfaceType('AuditEntry', {
  description: '审计记录 One committed change, at any level; each entry carries the hash of the one before.',
  autoRegisterImplementations: false,
  resolveType: (entry: AuditEntryEntity) => levelTypeName(levelOfCode(entry.ownerCode)!, 'AuditEntry'),
})
export abstract class AuditEntryInterface {
  @Field(() => ID, { description: 'Position in this level\'s chain.' })
  seq!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { description: 'Who made the change (token subject).' })
  actorSubject!: string;

  @Field(() => ID, { description: 'The jurisdiction the actor acted for.' })
  actorCode!: string;

  @Field(() => ID, { description: 'The jurisdiction that owns the changed record.' })
  ownerCode!: string;

  @Field(() => String, { description: 'create, update, transition, correct, …' })
  action!: string;

  @Field(() => AuditEntityType, { description: '记录类型 The kind of record changed.' })
  entityType!: string;

  @Field(() => ID, { description: '记录编号 The changed record\'s id (a duty record\'s `recordId`, shared by its versions).' })
  entityId!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The record before the change.' })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The record after the change.' })
  after!: Record<string, unknown> | null;

  @Field(() => String)
  prevHash!: string;

  @Field(() => String)
  hash!: string;

  @Field(() => String, { description: '杂凑算法 The hash this entry was chained with: sha256 or sm3 (GB/T 32905).' })
  algorithm!: string;
}

@Directive('@shareable')
@ObjectType('AuditChainReport', { description: '审计链校验 Result of re-computing a level\'s audit chain.' })
export class AuditChainReportType implements AuditChainReport {
  @Field(() => Boolean)
  valid!: boolean;

  @Field(() => Int)
  entriesChecked!: number;

  @Field(() => ID, { nullable: true, description: 'The first entry that does not match; null when the chain is whole.' })
  firstInvalidSeq!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

/**
 * The id the chain files a record's changes under. A duty record is audited once per record,
 * across its versions; a version id (what `dutyRecords` lists as `id`) finds its record's trail
 * instead of an empty list.
 */
async function auditedRecordId(em: EntityManager, entityType: AuditEntityTypeName, id: string): Promise<string> {
  if (entityType !== 'DutyRecord' || !em.getMetadata().find(DutyRecordEntity.name)) return id;
  const version = await em.findOne(DutyRecordEntity, { id }, { fields: ['recordId'] });
  return version?.recordId ?? id;
}

/** The audit trail of one level: per-record history and a check of the whole chain. */
export function createAuditModule(level: Level) {
  const operations = operationsAt(AUDIT_OPERATIONS, level, 'audit');
  @ObjectType(levelTypeName(level, 'AuditEntry'), { implements: AuditEntryInterface })
  class AuditEntryType extends AuditEntryInterface {}

  @Resolver(() => AuditEntryType)
  class AuditResolver {
    // Every path to an entry (this root field, a record's own `auditTrail`) resolves these two.
    @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: '变更前 The record before the change; classified properties the caller may not read are null and named in `_withheld`.' })
    before(@Root() entry: AuditEntryEntity, @Ctx() context: SubgraphContext<unknown>): Record<string, unknown> | null {
      return auditStateFor(entry.entityType, entry.before, context.principal);
    }

    @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: '变更后 The record after the change; classified properties the caller may not read are null and named in `_withheld`.' })
    after(@Root() entry: AuditEntryEntity, @Ctx() context: SubgraphContext<unknown>): Record<string, unknown> | null {
      return auditStateFor(entry.entityType, entry.after, context.principal);
    }

    @Query(() => [AuditEntryType], {
      name: operations.auditTrail,
      description: '审计轨迹 Every committed change of one record, oldest first. 按记录编号或版本编号查询 By the record\'s id, or for a duty record by the id of any of its versions.',
    })
    async auditTrail(
      @Arg('entityType', () => AuditEntityType, { description: '记录类型 The kind of record.' }) entityType: AuditEntityTypeName,
      @Arg('entityId', () => ID, { description: '记录编号或版本编号 The record\'s id, or the id of one of its versions.' }) entityId: string,
      @Ctx() context: SubgraphContext<unknown>,
    ): Promise<AuditEntryEntity[]> {
      const principal = requirePrincipal(context);
      // Categories are filed by their code; every other record by its UUID, so anything else is a mistake.
      if (entityType !== 'ResponsibilityCategory') assertUuid(entityId, 'entityId');
      const recordId = await auditedRecordId(context.em, entityType, entityId);
      const entries = await context.em.find(AuditEntryEntity, { entityType, entityId: recordId }, { orderBy: { seq: 'asc' } });
      // The same answer for a record that does not exist and one the caller may not read ([]),
      // so the trail cannot be used to probe which ids exist in other jurisdictions.
      return entries.filter((entry) => canRead(principal, entry.ownerCode));
    }

    @Query(() => AuditChainReportType, {
      name: operations.verifyAuditChain,
      description: '审计链校验 Re-computes every hash of this level\'s audit chain (commission staff).',
    })
    async verifyChain(@Ctx() context: SubgraphContext<unknown>): Promise<AuditChainReport> {
      const principal = requirePrincipal(context);
      if (!principal.roles.includes('commission')) throw forbidden('核验审计链须具备纪委监委角色 / verifying the audit chain needs the commission role');
      // A level's chain holds every jurisdiction of that level, so only a commission that
      // oversees all of them may check it: this level's own, or one above (the city's oversees all).
      if (LEVELS.indexOf(principal.level) > LEVELS.indexOf(level)) {
        throw forbidden(`只有本级或上级纪委可校验审计链 / only the ${level} level's commission or one above may verify this audit chain`);
      }
      return verifyAuditChain(context.em);
    }
  }

  const module: SubgraphModule<object> = {
    entities: [AuditEntryEntity],
    resolvers: [AuditResolver],
    createLoaders: () => ({}),
  };
  // The entry type is exported for fields that list a record's own trail (`DistrictTask.auditTrail`).
  return { ...module, AuditEntryType };
}
