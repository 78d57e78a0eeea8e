import { canRead, hasRole, ROLES, type Principal, type Role } from '../auth/principal';
import { isWithin, levelOfCode, parentCode, type Level } from '../jurisdiction/admin-code';
import { levelAbove, levelBelow } from '../level/level-relations';

/**
 * 访问权限表 The one statement of who may read and write each kind of record. The reference
 * resolvers of every subgraph read it (`guardReferenceResolvers`), `docs/access.md` is generated
 * from it (`npm run docs:access`, checked by a test), and `test/security/access-table.test.ts`
 * walks its cells through the gateway and through `_entities`.
 *
 * Read rule, for every kind: a principal reads records whose owner is its own jurisdiction or one
 * below it, and records addressed to its jurisdiction (or one below it) from above; responsibility
 * lists (`openBelow`) are read by the jurisdictions below their owner too, which break them down. Anonymous
 * callers read only the public jurisdiction backbone. Write rule: only the owner jurisdiction,
 * and only in one of the kind's write roles.
 */
export interface RecordKind<R = Record<string, unknown>> {
  /** The GraphQL concept: `Unit` is `CityUnit`, `DistrictUnit`, `StreetUnit`. */
  concept: string;
  zh: string;
  en: string;
  /** Levels whose subgraph owns (and resolves) records of this kind. */
  levels: readonly Level[];
  /** Public backbone: anyone, anonymous included, may read it. */
  public?: boolean;
  /** The jurisdiction that owns the record. */
  ownerCode?(record: R): string | null | undefined;
  /** Jurisdictions the record is addressed to from above (a directive's addressees, a finding's unit). */
  addressedCodes?(record: R): readonly (string | null | undefined)[];
  /**
   * Read also by every jurisdiction below the owner: a responsibility list, which the levels below
   * break down (分解) and name as the parent of their own items.
   */
  openBelow?: boolean;
  /** Roles of the owner jurisdiction that may create or change it. */
  writeRoles: readonly Role[];
  /** The mutations that write it (named in docs/access.md). */
  writtenBy?: string;
}

type AnyRecord = Record<string, unknown>;
const code = (field: string) => (record: AnyRecord) => record[field] as string | undefined;
const codes = (...fields: string[]) => (record: AnyRecord) => fields.flatMap((field) => {
  const value = record[field];
  return Array.isArray(value) ? (value as string[]) : [value as string | undefined];
});

const ALL: readonly Level[] = ['city', 'district', 'street'];
const SUPERVISING: readonly Level[] = ['city', 'district'];

export const RECORD_KINDS: readonly RecordKind[] = [
  { concept: 'Jurisdiction', zh: '行政区划（市/区/街道）', en: 'Jurisdiction backbone (City / District / Street: code, name)', levels: ALL, public: true, writeRoles: [], writtenBy: '— (seeded)' },
  { concept: 'Unit', zh: '单位', en: 'Unit', levels: ALL, ownerCode: code('jurisdictionCode'), writeRoles: ['admin'], writtenBy: 'create<Level>Unit' },
  { concept: 'Cadre', zh: '领导干部', en: 'Cadre', levels: ALL, ownerCode: code('jurisdictionCode'), writeRoles: ['admin'], writtenBy: 'add<Level>Cadre, update<Level>Cadre' },
  { concept: 'ResponsibilityItem', zh: '主体责任清单事项', en: 'Responsibility item', levels: ALL, ownerCode: code('jurisdictionCode'), openBelow: true, writeRoles: ['admin'], writtenBy: 'create/update<Level>ResponsibilityItem' },
  { concept: 'Task', zh: '任务清单任务', en: 'Task', levels: ALL, ownerCode: code('jurisdictionCode'), writeRoles: ['admin'], writtenBy: 'create<Level>Task and its workflow mutations' },
  { concept: 'DutyRecord', zh: '履职纪实', en: 'Duty record', levels: ALL, ownerCode: code('jurisdictionCode'), writeRoles: ['admin'], writtenBy: 'record/correct<Level>DutyRecord; archived by the commission: archive<Level>DutyRecords' },
  {
    concept: 'Directive', zh: '任务下达', en: 'Directive', levels: SUPERVISING,
    ownerCode: code('issuerCode'), addressedCodes: codes('targetCodes'), writeRoles: ['commission', 'admin'], writtenBy: 'issue<Level>Directive, cascade…',
  },
  { concept: 'DirectiveResponse', zh: '任务响应', en: 'Directive response', levels: ['district', 'street'], ownerCode: code('responderCode'), writeRoles: ['admin'], writtenBy: 'acknowledge/report… <Level>DirectiveResponse' },
  { concept: 'SupervisionOffice', zh: '监督检查室及联系单位', en: 'Supervision office and its contact units', levels: SUPERVISING, ownerCode: code('jurisdictionCode'), writeRoles: ['commission'], writtenBy: 'create<Level>SupervisionOffice, add<Level>SupervisionContact' },
  { concept: 'SupervisionPlan', zh: '监督抽查计划', en: 'Supervision plan (quarterly draw)', levels: SUPERVISING, ownerCode: code('jurisdictionCode'), writeRoles: ['commission'], writtenBy: 'draw<Level>SupervisionPlan' },
  {
    concept: 'SupervisionCheck', zh: '监督检查', en: 'Supervision check', levels: SUPERVISING,
    ownerCode: code('jurisdictionCode'), addressedCodes: codes('unitJurisdictionCode'), writeRoles: ['commission'], writtenBy: 'create<Level>SupervisionCheck, create<Level>FollowUpCheck',
  },
  {
    concept: 'SupervisionFinding', zh: '监督问题', en: 'Supervision finding', levels: SUPERVISING,
    ownerCode: code('jurisdictionCode'), addressedCodes: codes('unitJurisdictionCode'), writeRoles: ['commission'], writtenBy: 'raised by a check; accept/sendBack<Level>SupervisionFinding',
  },
  { concept: 'StationedGroup', zh: '派驻纪检监察组', en: 'Stationed discipline-inspection group', levels: SUPERVISING, ownerCode: code('jurisdictionCode'), writeRoles: ['commission'], writtenBy: 'create/update<Level>StationedGroup' },
  {
    concept: 'StationedEngagement', zh: '驻点/进驻式监督（谈话摘要机要）', en: 'Stationed engagement (talk summaries CONFIDENTIAL)', levels: SUPERVISING,
    ownerCode: code('jurisdictionCode'), writeRoles: ['commission'], writtenBy: 'start<Level>StationedEngagement, record<Level>StationedResults, close<Level>StationedEngagement',
  },
  {
    concept: 'RectificationReport', zh: '整改报告', en: 'Rectification report', levels: ALL,
    ownerCode: code('jurisdictionCode'), addressedCodes: codes('supervisingCode'), writeRoles: ['admin'], writtenBy: 'submit<Level>RectificationReport',
  },
  { concept: 'DutyReportSession', zh: '述责述廉会议', en: 'Duty report session', levels: ALL, ownerCode: code('ownerCode'), writeRoles: ['commission'], writtenBy: 'create<Level>DutyReportSession, rate/ask…; answers by the reporter\'s admin' },
  { concept: 'AssessmentPlan', zh: '考核方案', en: 'Assessment plan', levels: ALL, ownerCode: code('assessorCode'), writeRoles: ['commission'], writtenBy: 'create/finalize<Level>AssessmentPlan' },
  { concept: 'AssessmentScoreSheet', zh: '考核评分表', en: 'Assessment score sheet', levels: ALL, ownerCode: code('assessorCode'), writeRoles: ['commission'], writtenBy: 'enter<Level>AssessmentScores' },
  { concept: 'AssessmentInterview', zh: '约谈及回头看', en: 'Assessment interview and follow-up', levels: ALL, ownerCode: code('assessorCode'), writeRoles: ['commission'], writtenBy: 'record<Level>AssessmentInterview …' },
  { concept: 'AccountabilityCase', zh: '问责案件', en: 'Accountability case', levels: ALL, ownerCode: code('jurisdictionCode'), writeRoles: ['commission'], writtenBy: 'open/decide<Level>AccountabilityCase …' },
];

/**
 * 密级与角色 Which roles read a classified field (`@sensitive(level: …)` in the schema). A field's
 * classification narrows the record's read rule, never widens it: the reader must first be allowed
 * the record (jurisdiction rule above), then hold one of the roles granted for the field's level.
 * Anyone else gets null and FORBIDDEN on that field; the rest of the record answers.
 */
export const CLASSIFICATIONS = ['RESTRICTED', 'CONFIDENTIAL'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const CLASSIFICATION_GRANTS: Record<Classification, { zh: string; en: string; roles: readonly Role[] }> = {
  // The unit side writes evidence and answers questions, so its admin and leader must read them; analysts work on figures.
  RESTRICTED: { zh: '限阅：本案当事单位经办人员', en: 'restricted: the people who work the record (not analysts)', roles: ['commission', 'admin', 'leader'] },
  // Interview notes and case facts are the commission's own file on a person.
  CONFIDENTIAL: { zh: '机要：仅纪委监委', en: 'confidential: the commission only', roles: ['commission'] },
};

/** May this principal read a field of this classification (the record itself being readable)? */
export function mayReadClassified(level: Classification, principal: Principal | null): boolean {
  return !!principal && CLASSIFICATION_GRANTS[level].roles.some((role) => hasRole(principal, role));
}

const LEVEL_PREFIX: Record<Level, string> = { city: 'City', district: 'District', street: 'Street' };

/** The kind and level a GraphQL type name stands for (`DistrictSupervisionFinding` → SupervisionFinding at district). */
export function recordKindOfType(typeName: string): { kind: RecordKind; level: Level } | undefined {
  for (const level of ALL) {
    const prefix = LEVEL_PREFIX[level];
    if (!typeName.startsWith(prefix)) continue;
    const concept = typeName.slice(prefix.length) || 'Jurisdiction';
    const kind = RECORD_KINDS.find((candidate) => candidate.concept === concept);
    if (kind && kind.levels.includes(level)) return { kind, level };
  }
  return undefined;
}

/** The read rule: public backbone, or owner own-or-below, or addressed to one's jurisdiction (or below it), or (lists open below) owner above. */
export function mayRead(kind: RecordKind, principal: Principal | null, record: AnyRecord): boolean {
  if (kind.public) return true;
  if (!principal) return false;
  const owner = kind.ownerCode?.(record);
  if (owner && canRead(principal, owner)) return true;
  if (owner && kind.openBelow && owner !== principal.code && isWithin(principal.code, owner)) return true;
  return (kind.addressedCodes?.(record) ?? []).some((addressed) => !!addressed && canRead(principal, addressed));
}

/** The write rule: the owner jurisdiction itself, in one of the kind's write roles. */
export function mayWrite(kind: RecordKind, principal: Principal | null, ownerCode: string): boolean {
  if (!principal || kind.public) return false;
  return principal.code === ownerCode && kind.writeRoles.some((role) => hasRole(principal, role));
}

/** How a principal's jurisdiction stands to a record's: the columns of docs/access.md. */
export const RELATIONS = ['own', 'child', 'sibling', 'parent', 'addressed'] as const;
export type Relation = (typeof RELATIONS)[number];

export const RELATION_TEXT: Record<Relation, string> = {
  own: '本级 own (owner is the reader\'s jurisdiction)',
  child: '下级 child (owner is directly below)',
  sibling: '同级 sibling (another jurisdiction of the same level)',
  parent: '上级 parent (owner is directly above, not addressed)',
  addressed: '上级下达/指向本级 addressed to me (owner above, record names my jurisdiction)',
};

/** A reader at `readerLevel` and an owner in `relation` to it, when the chain allows one. */
export function ownerLevelFor(readerLevel: Level, relation: Relation): Level | undefined {
  if (relation === 'own' || relation === 'sibling') return readerLevel;
  if (relation === 'child') return levelBelow(readerLevel);
  return levelAbove(readerLevel);
}

/** Whether the cell exists: the owner level holds the kind, and an addressed cell needs an addressable kind. */
export function cellApplies(kind: RecordKind, readerLevel: Level, relation: Relation): boolean {
  const ownerLevel = ownerLevelFor(readerLevel, relation);
  if (!ownerLevel || !kind.levels.includes(ownerLevel)) return false;
  if (relation === 'sibling' && readerLevel === 'city') return false;
  if (relation === 'addressed') return !!kind.addressedCodes && kind.concept !== 'RectificationReport';
  if (kind.public) return true;
  return true;
}

export type Reader = Role | 'anonymous';
export const READERS: readonly Reader[] = [...ROLES, 'anonymous'];

/** What the table says for one cell: may `reader` at `readerLevel` read / write a record in `relation`. */
export function expectedAccess(kind: RecordKind, readerLevel: Level, reader: Reader, relation: Relation): { read: boolean; write: boolean } {
  if (kind.public) return { read: true, write: false };
  if (reader === 'anonymous') return { read: false, write: false };
  const read = relation === 'own' || relation === 'child' || relation === 'addressed' || (relation === 'parent' && !!kind.openBelow);
  const write = relation === 'own' && kind.writeRoles.includes(reader);
  return { read, write };
}

/** Sample codes for a reader at each level and an owner in each relation (used by docs and tests). */
export const SAMPLE_CODES: Record<Level, string> = { city: '120000', district: '120101', street: '120101001' };
export function sampleOwnerCode(readerLevel: Level, relation: Relation): string | undefined {
  const reader = SAMPLE_CODES[readerLevel];
  switch (relation) {
    case 'own':
      return reader;
    case 'child':
      return readerLevel === 'city' ? '120101' : readerLevel === 'district' ? '120101001' : undefined;
    case 'sibling':
      return readerLevel === 'district' ? '120102' : readerLevel === 'street' ? '120101002' : undefined;
    case 'parent':
    case 'addressed':
      return parentCode(reader);
  }
}

/** Sanity of the sample codes: each relation holds as named. */
export function relationOf(readerCode: string, ownerCode: string): Relation | 'other' {
  if (readerCode === ownerCode) return 'own';
  if (parentCode(ownerCode) === readerCode) return 'child';
  if (parentCode(readerCode) === ownerCode) return 'parent';
  if (levelOfCode(readerCode) === levelOfCode(ownerCode) && parentCode(readerCode) === parentCode(ownerCode)) return 'sibling';
  return isWithin(ownerCode, readerCode) ? 'child' : 'other';
}
