import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AttachmentEntity } from '../attachment/attachment.entity';
import { AttachmentType } from '../attachment/attachment.type';
import { attachmentContent, storeAttachments } from '../attachment/attachments';
import { assertCanRead, assertCanWrite, requirePrincipal } from '../authz/guards';
import { badUserInput, notFound } from '../errors/graphql-errors';
import { newId } from '../ids';
import { levelFieldName, levelTypeName } from '../level/level-names';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import { runInTransaction } from '../mutation/run-in-transaction';
import type { OrgLoaders } from '../org/org.loaders';
import type { CadreEntity } from '../org/cadre.entity';
import { CadreInterface } from '../org/org.interfaces';
import { createConnectionType, MAX_PAGE_SIZE, type ClassType, type Connection } from '../pagination/connection';
import { ResponsibilityItemEntity } from '../responsibility/responsibility-item.entity';
import type { SubgraphContext } from '../server/context';
import { TaskEntity } from '../task/task.entity';
import { assertUuid } from '../validation/assert-uuid';
import { DutyRecordEntity } from './duty-record.entity';
import { CorrectDutyRecordInput, DutyRecordFilter, RecordDutyInput } from './duty-record.inputs';
import { DutyRecordInterface } from './duty-record.interface';
import { createDutyRecordLoaders, type DutyRecordLoaders } from './duty-record.loaders';
import {
  assertNotInFuture,
  assertReferences,
  auditView,
  carryOverAttachments,
  findCadreIn,
  insertVersion,
  summariseAttachment,
} from './duty-record.writes';

type Context = SubgraphContext<DutyRecordLoaders & OrgLoaders>;

/** Fields a correction may change; the others are copied from the version it corrects. */
const CORRECTABLE = ['cadreId', 'kind', 'occurredOn', 'taskId', 'responsibilityItemId', 'summary'] as const;

/**
 * 履职纪实 Duty records of one level (`DistrictDutyRecord` in the district subgraph, …).
 * Records are appended, never overwritten: a correction writes version n + 1 and leaves every
 * earlier version readable with its own files. `CadreType` is the level's cadre type from
 * `createOrgModule`, so `DistrictDutyRecord.cadre` is a `DistrictCadre`.
 */
export function createDutyRecordModule<J extends { code: string }>(options: LevelOptions<J>, CadreType: ClassType) {
  const { level } = options;

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
    @Query(() => DutyRecordType, { name: levelFieldName(level, 'DutyRecord'), nullable: true, description: '履职纪实 One version of a duty record by its id.' })
    async dutyRecord(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<DutyRecordEntity | null> {
      const principal = requirePrincipal(context);
      const record = await context.loaders.dutyRecordById.load(assertUuid(id, 'id'));
      if (record) assertCanRead(principal, record.jurisdictionCode);
      return record;
    }

    @Query(() => String, {
      name: levelFieldName(level, 'AttachmentContent'),
      nullable: true,
      description: '佐证材料内容 The bytes of one evidence file of a duty record, base64-encoded. Lists never carry content; ask here for one file.',
    })
    async attachmentContent(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<string | null> {
      const principal = requirePrincipal(context);
      // Metadata first: the owner decides who may read, and a refused caller costs no 5 MiB read.
      const attachment = await context.em.findOne(AttachmentEntity, { id: assertUuid(id, 'id'), ownerType: 'DUTY_RECORD' });
      if (!attachment) return null;
      const owner = await context.loaders.dutyRecordById.load(attachment.ownerId);
      if (!owner) return null;
      assertCanRead(principal, owner.jurisdictionCode);
      return (await attachmentContent(context.em, attachment))?.toString('base64') ?? null;
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
    jurisdiction(@Root() record: DutyRecordEntity, @Ctx() context: Context): Promise<J | null> {
      return options.loadJurisdiction(context, record.jurisdictionCode);
    }

    @Mutation(() => DutyRecordType, {
      name: `record${levelTypeName(level, 'Duty')}`,
      description: '记录履职纪实 Record a duty performed (version 1), with its evidence files.',
    })
    async recordDuty(@Arg('input', () => RecordDutyInput) input: RecordDutyInput, @Ctx() context: Context): Promise<DutyRecordEntity> {
      const principal = requirePrincipal(context);
      assertNotInFuture(input.occurredOn, 'input.occurredOn');
      const cadre = await context.loaders.cadreById.load(input.cadreId);
      if (!cadre) throw notFound('cadre', input.cadreId);
      // The record belongs where the cadre belongs; only that jurisdiction may write it.
      assertCanWrite(principal, cadre.jurisdictionCode);
      const references = { taskId: input.taskId ?? null, responsibilityItemId: input.responsibilityItemId ?? null };
      await assertReferences(context.em, cadre.jurisdictionCode, references);

      return runInTransaction(context, principal, async ({ em, audit }) => {
        const record = em.create(DutyRecordEntity, {
          recordId: newId(),
          version: 1,
          jurisdictionCode: cadre.jurisdictionCode,
          kind: input.kind,
          occurredOn: input.occurredOn,
          cadreId: cadre.id,
          ...references,
          summary: input.summary.trim(),
          recordedBy: principal.subject,
        });
        // Sizes are checked before anything is flushed: one oversized file leaves no trace.
        const attachments = await storeAttachments(em, { type: 'DUTY_RECORD', id: record.id, code: record.jurisdictionCode }, input.attachments, { quotaBytes: context.evidenceQuotaBytes });
        await insertVersion(em, record);
        await audit({ action: 'create', entityType: 'DutyRecord', entityId: record.recordId, ownerCode: record.jurisdictionCode, after: auditView(record, attachments) });
        return record;
      });
    }

    @Mutation(() => DutyRecordType, {
      name: `correct${levelTypeName(level, 'DutyRecord')}`,
      description:
        '更正履职纪实 Correct a duty record: writes the next version with the changes and a reason; the earlier versions stay as they were. ' +
        'The new version keeps the previous version\'s files (less removeAttachmentIds) and adds the given ones.',
    })
    async correctDutyRecord(
      @Arg('recordId', () => ID) recordId: string,
      @Arg('input', () => CorrectDutyRecordInput) input: CorrectDutyRecordInput,
      @Ctx() context: Context,
    ): Promise<DutyRecordEntity> {
      const principal = requirePrincipal(context);
      const previous = await context.em.findOne(DutyRecordEntity, { recordId: assertUuid(recordId, 'recordId') }, { orderBy: { version: 'desc' } });
      if (!previous) throw notFound('duty record', recordId);
      assertCanWrite(principal, previous.jurisdictionCode);

      const changes = Object.fromEntries(
        CORRECTABLE.filter((field) => input[field] !== undefined && input[field] !== null).map((field) => [field, input[field]]),
      ) as Partial<Pick<DutyRecordEntity, (typeof CORRECTABLE)[number]>>;
      if (changes.summary !== undefined) changes.summary = changes.summary.trim();
      if (changes.occurredOn !== undefined) assertNotInFuture(changes.occurredOn, 'input.occurredOn');
      if (changes.cadreId !== undefined) await findCadreIn(context.em, previous.jurisdictionCode, changes.cadreId);
      const merged = { ...pickCorrectable(previous), ...changes };
      if (changes.taskId !== undefined || changes.responsibilityItemId !== undefined) {
        await assertReferences(
          context.em,
          previous.jurisdictionCode,
          { taskId: merged.taskId, responsibilityItemId: merged.responsibilityItemId },
          changes.taskId !== undefined ? 'input.taskId' : 'input.responsibilityItemId',
        );
      }

      const previousFiles = await context.loaders.dutyRecordAttachments.load(previous.id);
      input.removeAttachmentIds.forEach((id, index) => {
        if (!previousFiles.some((file) => file.id === id)) {
          throw badUserInput(`input.removeAttachmentIds.${index}`, `${id} is not a file of version ${previous.version}`);
        }
      });
      const keptFiles = previousFiles.filter((file) => !input.removeAttachmentIds.includes(file.id));
      const changesSomething =
        CORRECTABLE.some((field) => merged[field] !== previous[field]) || input.attachments.length > 0 || keptFiles.length < previousFiles.length;
      if (!changesSomething) throw badUserInput('input', 'the correction changes nothing: give a changed field or a file to add or remove');

      return runInTransaction(context, principal, async ({ em, audit }) => {
        const record = em.create(DutyRecordEntity, {
          ...merged,
          recordId: previous.recordId,
          version: previous.version + 1,
          jurisdictionCode: previous.jurisdictionCode,
          correctionReason: input.reason.trim(),
          recordedBy: principal.subject,
        });
        const added = await storeAttachments(em, { type: 'DUTY_RECORD', id: record.id, code: record.jurisdictionCode }, input.attachments, { quotaBytes: context.evidenceQuotaBytes });
        await insertVersion(em, record);
        const carried = await carryOverAttachments(em, keptFiles, record.id);
        await audit({
          action: 'correct',
          entityType: 'DutyRecord',
          entityId: record.recordId,
          ownerCode: record.jurisdictionCode,
          before: auditView(previous, previousFiles),
          after: auditView(record, [...carried, ...added.map(summariseAttachment)]),
        });
        return record;
      });
    }
  }

  @Resolver(() => options.jurisdictionType)
  class JurisdictionDutyRecordsResolver {
    @FieldResolver(() => DutyRecordConnection, {
      description: '履职纪实 The latest version of each duty record this jurisdiction owns, most recent occurrence first. Needs a token that may read it.',
    })
    dutyRecords(
      @Root() jurisdiction: J,
      @Arg('filter', () => DutyRecordFilter, { nullable: true }) filter: DutyRecordFilter | undefined,
      @Arg('first', () => Int, { defaultValue: 20, description: `Page size, 1–${MAX_PAGE_SIZE}.` }) first: number,
      @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page.' }) after: string | undefined,
      @Ctx() context: Context,
    ): Promise<Connection<DutyRecordEntity>> {
      assertCanRead(requirePrincipal(context), jurisdiction.code);
      if (first < 1 || first > MAX_PAGE_SIZE) throw badUserInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
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

function pickCorrectable(record: DutyRecordEntity): Pick<DutyRecordEntity, (typeof CORRECTABLE)[number]> {
  const { cadreId, kind, occurredOn, taskId, responsibilityItemId, summary } = record;
  return { cadreId, kind, occurredOn, taskId, responsibilityItemId, summary };
}
