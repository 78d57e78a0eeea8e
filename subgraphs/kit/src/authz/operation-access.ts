/**
 * 根操作权限 Every root query and mutation of the supergraph, by the record kind it reads or writes
 * and who may call it. `<L>` stands for City / District / Street, `<l>` for city / district /
 * street. `docs/access.md` lists each root field under its row; a test fails when a field of
 * `schema/supergraph.graphql` matches no row (a new field needs its row here) or more than one.
 */
export interface OperationAccess {
  /** Field names this row covers. */
  pattern: string;
  /** The record kind (`RECORD_KINDS[].concept`), or a name for what is not a record. */
  kind: string;
  zh: string;
  en: string;
}

export const OPERATION_ACCESS: readonly OperationAccess[] = [
  {
    pattern: 'citywideTasks|citywideDutyRecords|citywideCadres|citywideUnits|citywideFindings|citywideChecks|citywideInterviews|citywideOverdueDirectives|districtFigures',
    kind: 'City-wide list', zh: '登录用户：所查范围须为本辖区及下级；每条记录由所属层级按其读取规则给出', en: 'signed in: the scope asked for must be own jurisdiction or below; each record is resolved by its owner under the owner\'s read rule',
  },
  {
    pattern: '<l>CitywideKeys|<l>DistrictFigures|<l>OverdueDirectiveKeys|<l>CompletedDirectiveAddressees',
    kind: 'City-wide list', zh: '仅限签名的子图调用（@inaccessible，网关不提供）', en: 'peer only: signed calls of the city subgraph merging a city-wide list (@inaccessible: the gateway does not serve them)',
  },
  { pattern: '<l>|districts|streets', kind: 'Jurisdiction', zh: '任何人（含匿名）：区划代码与名称', en: 'anyone, anonymous included: codes and names (other fields of a jurisdiction need a reader of it)' },
  { pattern: '<l>AuditTrail', kind: 'AuditEntry', zh: '登录用户：本级及下级的审计记录', en: 'signed in: entries of own jurisdiction and below only' },
  { pattern: 'verify<L>AuditChain', kind: 'AuditEntry', zh: '本级或上级纪委', en: 'commission of that level or one above' },
  { pattern: '<l>Unit|<l>Cadre', kind: 'Unit / Cadre', zh: '读：本级及下级', en: 'read: own jurisdiction and below' },
  { pattern: 'create<L>Unit|add<L>Cadre|update<L>Cadre', kind: 'Unit / Cadre', zh: '写：本级 admin', en: 'write: admin of the owner jurisdiction' },
  { pattern: '<l>ResponsibilityItem|<l>ResponsibilityCategories', kind: 'ResponsibilityItem', zh: '读：本级及下级（类别目录：登录用户）', en: 'read: own and below (category catalogue: signed in)' },
  { pattern: 'create<L>ResponsibilityItem|update<L>ResponsibilityItem|add<L>ResponsibilityCategory', kind: 'ResponsibilityItem', zh: '写：本级 admin', en: 'write: admin of the owner jurisdiction' },
  { pattern: '<l>Task', kind: 'Task', zh: '读：本级及下级', en: 'read: own and below' },
  {
    pattern: 'create<L>Task|update<L>TaskProgress|start<L>Task|complete<L>Task|cancel<L>Task|add<L>TaskMilestone|complete<L>TaskMilestone',
    kind: 'Task', zh: '写：本级 admin', en: 'write: admin of the owner jurisdiction',
  },
  { pattern: '<l>DutyRecord|<l>AttachmentContent', kind: 'DutyRecord', zh: '读：本级及下级（佐证材料随纪实）', en: 'read: own and below (evidence follows its record)' },
  { pattern: 'record<L>Duty|correct<L>DutyRecord', kind: 'DutyRecord', zh: '写：本级 admin', en: 'write: admin of the owner jurisdiction' },
  {
    pattern: 'archive<L>DutyRecords',
    kind: 'DutyRecord', zh: '本级纪委：归档超过留存期限的履职纪实（不删除；在办案件引用的保全不动）', en: 'commission of the owner jurisdiction: archives duty records past the retention period (never dropped; those a case under way cites are held)',
  },
  {
    pattern: '<l>HeldRecordIds',
    kind: 'DutyRecord', zh: '仅限下级子图的签名调用（@inaccessible）：哪些记录被本级在办案件引用', en: 'peer only: a signed call of the level below (@inaccessible): which of its records a case under way here cites',
  },
  { pattern: '<l>Directive', kind: 'Directive', zh: '读：下达方本级及下级，及被下达的下级', en: 'read: the issuer (and above), and the addressees (and below)' },
  { pattern: 'issue<L>Directive|cascadeCityDirective', kind: 'Directive', zh: '写：本级 commission 或 admin（转发：被下达的区）', en: 'write: commission or admin of the issuer (cascade: of the addressed district)' },
  {
    pattern: 'acknowledge<L>Directive|report<L>DirectiveProgress|complete<L>Directive',
    kind: 'DirectiveResponse', zh: '写：被下达单位的本级 admin', en: 'write: admin of the addressed jurisdiction (its own response)',
  },
  { pattern: '<l>SupervisionOffice', kind: 'SupervisionOffice', zh: '读：本级及下级', en: 'read: own and below' },
  { pattern: 'create<L>SupervisionOffice|add<L>SupervisionContact|remove<L>SupervisionContact', kind: 'SupervisionOffice', zh: '写：本级纪委；联系单位须为本级或直属下级的真实单位', en: 'write: commission of the owner; a contact unit must exist in the own jurisdiction or one directly below' },
  { pattern: 'preview<L>SupervisionPlan|draw<L>SupervisionPlan', kind: 'SupervisionPlan', zh: '本级纪委', en: 'commission of the owner' },
  { pattern: '<l>SupervisionCheck|<l>SupervisionChecks|<l>SupervisionFinding', kind: 'SupervisionFinding', zh: '读：监督方本级及下级，及被监督单位所在辖区', en: 'read: the supervising side (and above), and the supervised unit\'s jurisdiction' },
  {
    pattern: 'create<L>SupervisionCheck|create<L>SupervisionFollowUp|accept<L>SupervisionFinding|sendBack<L>SupervisionFinding',
    kind: 'SupervisionFinding', zh: '写：监督方本级纪委；被查单位须为本级或直属下级的真实单位', en: 'write: commission of the supervising side; the unit must exist in the own jurisdiction or one directly below',
  },
  {
    pattern: 'withdraw<L>SupervisionFindingReport',
    kind: 'SupervisionFinding', zh: '仅限整改单位所在层级子图的签名调用：撤回本方未能保存的整改报告', en: 'peer only: a signed call of the rectifying level\'s subgraph, undoing a report its own database did not keep',
  },
  {
    pattern: 'repair<L>SupervisionFinding',
    kind: 'SupervisionFinding', zh: '监督方本级纪委：把停在"已报告"而报告并不存在的问题恢复原状', en: 'commission of the supervising side: returns a REPORTED finding whose report does not exist to its earlier state',
  },
  { pattern: 'record<L>SupervisionFindingReport', kind: 'SupervisionFinding', zh: '仅限整改单位所在层级子图的签名调用', en: 'peer only: a signed call of the rectifying level\'s subgraph, on behalf of the unit\'s admin' },
  {
    pattern: '<l>StationedGroup|<l>StationedGroups|<l>StationedEngagement',
    kind: 'StationedGroup', zh: '读：派出机关本级及上级（谈话摘要仅纪委）；其他辖区不可见', en: 'read: the stationing commission\'s jurisdiction (and above); talk summaries the commission only; other jurisdictions see nothing',
  },
  {
    pattern: 'create<L>StationedGroup|update<L>StationedGroup|start<L>StationedEngagement|record<L>StationedResults|close<L>StationedEngagement',
    kind: 'StationedGroup', zh: '写：派出机关本级纪委；驻在单位须为本级单位；结束进驻即形成监督检查及问题', en: 'write: commission of the stationing jurisdiction; host units must be its own units; closing records a check and its findings',
  },
  { pattern: '<l>RectificationReport', kind: 'RectificationReport', zh: '读：整改单位本级及上级，及监督方', en: 'read: the rectifying jurisdiction (and above), and the supervising side' },
  { pattern: 'submit<L>RectificationReport', kind: 'RectificationReport', zh: '写：被监督单位所在辖区 admin', en: 'write: admin of the supervised unit\'s jurisdiction' },
  { pattern: '<l>DutyReportSession', kind: 'DutyReportSession', zh: '读：本级及下级', en: 'read: own and below' },
  {
    pattern: 'create<L>DutyReportSession|evaluate<L>DutyReporter|ask<L>DutyReportQuestion',
    kind: 'DutyReportSession', zh: '写：本级纪委；述责人须为本级或直属下级的真实单位及干部', en: 'write: commission of the owner; reporters must be real units and cadres of own or directly-below jurisdictions',
  },
  { pattern: 'answer<L>DutyReportQuestion', kind: 'DutyReportSession', zh: '写：述责人所在辖区 admin（指向本级的质询）', en: 'write: admin of the reporter\'s jurisdiction (a question addressed to it)' },
  { pattern: '<l>AssessmentPlan', kind: 'AssessmentPlan', zh: '读：本级及下级', en: 'read: own and below' },
  {
    pattern:
      'create<L>AssessmentPlan|finalize<L>AssessmentPlan|import<L>AssessmentPlatformData|publish<L>AssessmentCommendation|enter<L>AssessmentScores|record<L>AssessmentInterview|correct<L>AssessmentInterview|record<L>AssessmentFollowUp',
    kind: 'AssessmentPlan', zh: '写：本级纪委；被考核单位须为本级或直属下级的真实单位', en: 'write: commission of the assessor; assessed units must exist in the own jurisdiction or one directly below',
  },
  { pattern: '<l>AccountabilityCase', kind: 'AccountabilityCase', zh: '读：本级及下级', en: 'read: own and below' },
  {
    pattern: 'open<L>AccountabilityCase|add<L>AccountabilityBasis|decide<L>AccountabilityCase',
    kind: 'AccountabilityCase', zh: '写：本级纪委；问责对象须为本级或直属下级的真实单位/干部', en: 'write: commission of the deciding jurisdiction; the subject must exist in the own jurisdiction or one directly below',
  },  {
    pattern: '<l>ReadTrace|<l>ReadsBy',
    kind: 'ReadTrace', zh: '本级或上级纪委；只列出其可读辖区的记录（留痕只增不改）', en: 'commission of that level or one above; only records of jurisdictions it may read are listed (the trace is append-only)',
  },
  { pattern: 'revokeToken|revokeSessions|tokenRevocations', kind: 'TokenRevocation', zh: '仅限市纪委工作人员', en: 'city commission staff only' },
];

/** The row's pattern as a regular expression over root field names. */
export function operationPattern(row: OperationAccess): RegExp {
  const body = row.pattern.replaceAll('<L>', '(?:City|District|Street)').replaceAll('<l>', '(?:city|district|street)');
  return new RegExp(`^(?:${body})$`);
}

/** The rows a root field matches: exactly one for every field of the supergraph. */
export function operationRows(fieldName: string): OperationAccess[] {
  return OPERATION_ACCESS.filter((row) => operationPattern(row).test(fieldName));
}
