import type { JurisdictionLoaders, JurisdictionRecord } from '../jurisdiction/jurisdiction-loaders';
import { sensitive } from '../authz/sensitive-directive';
import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AttachmentEntity } from '../attachment/attachment.entity';
import { AttachmentType } from '../attachment/attachment.type';
import { assertCanRead, requirePrincipal } from '../authz/guards';
import { badUserInput, forbidden } from '../errors/graphql-errors';
import { hasRole } from '../auth/principal';
import { levelTypeName } from '../level/level-names';
import { traceRead } from '../read-trace/read-trace';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import type { OrgLoaders } from '../org/org.loaders';
import type { CadreEntity } from '../org/cadre.entity';
import { CadreInterface } from '../org/org.interfaces';
import { createConnectionType, MAX_PAGE_SIZE, PAGE_SIZE_DESCRIPTION, type ClassType, type Connection } from '../pagination/connection';
import { ResponsibilityItemEntity } from '../responsibility/responsibility-item.entity';
import type { SubgraphContext } from '../server/context';
import { TaskEntity } from '../task/task.entity';
import { assertUuid } from '../validation/assert-uuid';
import { DutyRecordEntity } from './duty-record.entity';
import { CorrectDutyRecordInput, DutyRecordFilter, RecordDutyInput } from './duty-record.inputs';
import { DutyRecordInterface } from './duty-record.interface';
import { createDutyRecordLoaders, type DutyRecordLoaders } from './duty-record.loaders';
import { DUTY_RECORD_OPERATIONS } from './duty-record.operations';
import { attachmentContent, correctDutyRecord, recordDuty } from './duty-record.service';
type Context = SubgraphContext<JurisdictionLoaders & DutyRecordLoaders & OrgLoaders>;

/**
 * 履职纪实 Duty records of one level (`DistrictDutyRecord` in the district subgraph, …).
 * Records are appended, never overwritten: a correction writes version n + 1 and leaves every
 * earlier version readable with its own files. `CadreType` is the level's cadre type from
 * `createOrgModule`, so `DistrictDutyRecord.cadre` is a `DistrictCadre`.
 */
export function createDutyRecordModule(options: LevelOptions, CadreType: ClassType) {
  const { level } = options;
  const operations = DUTY_RECORD_OPERATIONS[level];

  @Directive('@key(fields: "id")')
  @ObjectType(levelTypeName(level, 'DutyRecord'), {
    implements: DutyRecordInterface,
    description: `履职纪实 One version of a duty record owned by a ${level}.`,
  })
  class DutyRecordType extends DutyRecordInterface {
    @Field(() => CadreType, { description: '领导干部 The cadre who performed the duty.' })
    override cadre!: CadreInterface;

    @Field(() => [DutyRecordType], { description: '全部版本 Every version of this record, oldest first.' })
    override versions!: DutyRecordInterface[];
  }

  const DutyRecordConnection = createConnectionType(DutyRecordType, levelTypeName(level, 'DutyRecord'));

  @Resolver(() => DutyRecordType)
  class DutyRecordResolver {
    @Query(() => DutyRecordType, { name: operations.dutyRecord, nullable: true, description: '履职纪实 One version of a duty record by its id.' })
    async dutyRecord(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<DutyRecordEntity | null> {
      const principal = requirePrincipal(context);
      const record = await context.loaders.dutyRecordById.load(assertUuid(id, 'id'));
      if (record) {
        assertCanRead(principal, record.jurisdictionCode);
        // Every field of a duty record notes its read (trace-record-fields.ts); this covers a
        // selection of `__typename` alone, which no field resolver sees.
        traceRead(context, 'DutyRecord', record.id, record.jurisdictionCode);
      }
      return record;
    }

    @Query(() => String, {
      name: operations.attachmentContent,
      nullable: true,
      description: '佐证材料内容 The bytes of one evidence file of a duty record, base64-encoded (classified RESTRICTED: not for analysts). Lists never carry content; ask here for one file.',
    })
    @Directive(sensitive('RESTRICTED'))
    attachmentContent(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<string | null> {
      return attachmentContent(context, id);
    }

    @FieldResolver(() => Boolean, { description: '是否最新版本 No later correction exists.' })
    async latest(@Root() record: DutyRecordEntity, @Ctx() context: Context): Promise<boolean> {
      const versions = await context.loaders.dutyRecordVersions.load(record.recordId);
      return versions.every((other) => other.version <= record.version);
    }

    @FieldResolver(() => CadreType, { description: '领导干部 The cadre who performed the duty.' })
    async cadre(@Root() record: DutyRecordEntity, @Ctx() context: Context): Promise<CadreEntity> {
      const cadre = await context.loaders.cadreById.load(record.cadreId);
      // The column references cadre(id): a missing row means the database was tampered with.
      if (!cadre) throw new Error(`cadre ${record.cadreId} of duty record ${record.id} is missing`);
      return cadre;
    }

    @FieldResolver(() => [AttachmentType], { description: '佐证材料 Evidence files of this version (metadata; content via the AttachmentContent query).' })
    attachments(@Root() record: DutyRecordEntity, @Ctx() context: Context): Promise<AttachmentEntity[]> {
      return context.loaders.dutyRecordAttachments.load(record.id);
    }

    @FieldResolver(() => [DutyRecordType], { description: '全部版本 Every version of this record, oldest first.' })
    versions(@Root() record: DutyRecordEntity, @Ctx() context: Context): Promise<DutyRecordEntity[]> {
      return context.loaders.dutyRecordVersions.load(record.recordId);
    }

    @FieldResolver(() => options.jurisdictionType, { name: options.jurisdictionField, nullable: true, description: '所属辖区 The jurisdiction that owns the record.' })
    jurisdiction(@Root() record: DutyRecordEntity, @Ctx() context: Context): Promise<JurisdictionRecord | null> {
      return context.loaders.jurisdictionByCode.load(record.jurisdictionCode);
    }

    @Mutation(() => DutyRecordType, {
      name: operations.recordDuty,
      description: '记录履职纪实 Record a duty performed (version 1), with its evidence files.',
    })
    recordDuty(@Arg('input', () => RecordDutyInput) input: RecordDutyInput, @Ctx() context: Context): Promise<DutyRecordEntity> {
      return recordDuty(context, input);
    }

    @Mutation(() => DutyRecordType, {
      name: operations.correctDutyRecord,
      description:
        '更正履职纪实 Correct a duty record: writes the next version with the changes and a reason; the earlier versions stay as they were. ' +
        'The new version keeps the previous version\'s files (less removeAttachmentIds) and adds the given ones.',
    })
    correctDutyRecord(
      @Arg('recordId', () => ID) recordId: string,
      @Arg('input', () => CorrectDutyRecordInput) input: CorrectDutyRecordInput,
      @Ctx() context: Context,
    ): Promise<DutyRecordEntity> {
      return correctDutyRecord(context, recordId, input);
    }
  }

  @Resolver(() => options.jurisdictionType)
  class JurisdictionDutyRecordsResolver {
    @FieldResolver(() => DutyRecordConnection, {
      description: '履职纪实 The latest version of each duty record this jurisdiction owns, most recent occurrence first. Needs a token that may read it.',
    })
    dutyRecords(
      @Root() jurisdiction: JurisdictionRecord,
      @Arg('filter', () => DutyRecordFilter, { nullable: true }) filter: DutyRecordFilter | undefined,
      @Arg('first', () => Int, { defaultValue: 20, description: PAGE_SIZE_DESCRIPTION }) first: number,
      @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page.' }) after: string | undefined,
      @Ctx() context: Context,
    ): Promise<Connection<DutyRecordEntity>> {
      const principal = requirePrincipal(context);
      assertCanRead(principal, jurisdiction.code);
      if (filter?.archived && !hasRole(principal, 'commission')) throw forbidden('已归档的履职纪实仅纪委可查 / archived duty records are listed for commission staff only');
      if (first < 0 || first > MAX_PAGE_SIZE) throw badUserInput('first', `每页条数应在 0 到 ${MAX_PAGE_SIZE} 之间 / must be between 0 and ${MAX_PAGE_SIZE}`);
      return context.loaders.dutyRecordPage({ filter: filter ?? undefined, first, after: after ?? undefined }).load(jurisdiction.code);
    }
  }

  @Resolver(() => CadreType)
  class CadreDutyRecordsResolver {
    @FieldResolver(() => [DutyRecordType], {
      description: '履职纪实 The latest version of each of this cadre\'s duty records, most recent occurrence first.',
    })
    dutyRecords(@Root() cadre: CadreEntity, @Ctx() context: Context): Promise<DutyRecordEntity[]> {
      assertCanRead(requirePrincipal(context), cadre.jurisdictionCode);
      return context.loaders.latestDutyRecordsByCadre.load(cadre.id);
    }
  }

  const module: SubgraphModule<DutyRecordLoaders> = {
    entities: [DutyRecordEntity, AttachmentEntity, TaskEntity, ResponsibilityItemEntity],
    resolvers: [DutyRecordResolver, JurisdictionDutyRecordsResolver, CadreDutyRecordsResolver],
    referenceResolvers: {
      [levelTypeName(level, 'DutyRecord')]: {
        __resolveReference: (reference: { id: string }, context: Context) => context.loaders.dutyRecordById.load(reference.id),
      },
    },
    createLoaders: createDutyRecordLoaders,
  };
  return { ...module, DutyRecordType };
}
