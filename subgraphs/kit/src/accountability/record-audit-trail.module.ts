import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { canRead } from '../auth/principal';
import { requirePrincipal } from '../authz/guards';
import type { AuditEntityTypeName } from '../audit/audit-entity-type';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import type { SubgraphModule } from '../module/subgraph-module';
import type { ClassType } from '../pagination/connection';
import type { SubgraphContext } from '../server/context';

/** One record type that gets an `auditTrail` field, and how its audit entries are keyed. */
export interface AuditedType {
  type: ClassType;
  /** `entityType` of its entries in the audit chain. */
  entityType: AuditEntityTypeName;
  /** `entityId` of its entries; duty records are audited per record (all versions), not per version. */
  entityIdOf?: (record: { id: string; recordId?: string }) => string;
}

/** Entries of many records, each by (entity type, entity id), in one statement, oldest first. */
function auditEntriesLoader(em: EntityManager) {
  return new DataLoader<string, AuditEntryEntity[]>(async (keys) => {
    const pairs = keys.map((key) => key.split('\u0000') as [string, string]);
    const entries = await em.find(
      AuditEntryEntity,
      { entityType: { $in: [...new Set(pairs.map(([type]) => type))] }, entityId: { $in: [...new Set(pairs.map(([, id]) => id))] } },
      { orderBy: { seq: 'asc' } },
    );
    const byKey = new Map<string, AuditEntryEntity[]>(keys.map((key) => [key, []]));
    for (const entry of entries) byKey.get(`${entry.entityType}\u0000${entry.entityId}`)?.push(entry);
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

export interface RecordAuditLoaders {
  recordAuditEntries: DataLoader<string, AuditEntryEntity[]>;
}

/**
 * 审计轨迹 `auditTrail` on a level's own record types (`DistrictTask.auditTrail` …): the committed
 * changes of the record from the owning level's audit chain. The accountability trace asks for
 * it on every cited record, wherever it lives; the gateway sends each level's records to that
 * level, which answers them all in one statement.
 */
export function createRecordAuditTrailModule(AuditEntryType: ClassType, audited: AuditedType[]): SubgraphModule<RecordAuditLoaders> {
  const resolvers = audited.map(({ type, entityType, entityIdOf }) => {
    @Resolver(() => type)
    class RecordAuditTrail {
      @FieldResolver(() => [AuditEntryType], { description: '审计轨迹 Every committed change of this record, oldest first (entries the caller may read).' })
      async auditTrail(@Root() record: { id: string }, @Ctx() context: SubgraphContext<RecordAuditLoaders>): Promise<AuditEntryEntity[]> {
        const principal = requirePrincipal(context);
        const entries = await context.loaders.recordAuditEntries.load(`${entityType}\u0000${entityIdOf ? entityIdOf(record) : record.id}`);
        return entries.filter((entry) => canRead(principal, entry.ownerCode));
      }
    }
    return RecordAuditTrail;
  });
  return {
    entities: [AuditEntryEntity],
    resolvers,
    createLoaders: (em) => ({ recordAuditEntries: auditEntriesLoader(em) }),
  };
}

/** The records every level keeps (from `createLevelRecordModules(...).types`), keyed as their modules audit them. */
export function levelRecordAuditedTypes(types: {
  UnitType: ClassType;
  CadreType: ClassType;
  ResponsibilityItemType: ClassType;
  TaskType: ClassType;
  DutyRecordType: ClassType;
}): AuditedType[] {
  return [
    { type: types.UnitType, entityType: 'Unit' },
    { type: types.CadreType, entityType: 'Cadre' },
    { type: types.ResponsibilityItemType, entityType: 'ResponsibilityItem' },
    { type: types.TaskType, entityType: 'Task' },
    { type: types.DutyRecordType, entityType: 'DutyRecord', entityIdOf: (record) => record.recordId! },
  ];
}
