import { ROLES } from '../auth/principal';
import type { Level } from '../jurisdiction/admin-code';
import { CLASSIFICATION_GRANTS, CLASSIFICATIONS, cellApplies, expectedAccess, READERS, RECORD_KINDS, RELATION_TEXT, RELATIONS, type RecordKind } from './access-table';
import type { ClassifiedField } from './sensitive-directive';
import { OPERATION_ACCESS, operationPattern } from './operation-access';

const LEVEL_TEXT: Record<Level, string> = { city: '市 city', district: '区 district', street: '街道 street' };
const LEVELS: readonly Level[] = ['city', 'district', 'street'];

function cell(kind: RecordKind, level: Level, reader: (typeof READERS)[number], relation: (typeof RELATIONS)[number]): string {
  // An anonymous caller has no jurisdiction, so no relation: the public backbone or nothing.
  if (reader === 'anonymous') return kind.public ? 'R' : '—';
  if (!cellApplies(kind, level, relation)) return '·';
  const { read, write } = expectedAccess(kind, level, reader, relation);
  return [read ? 'R' : '', write ? 'W' : ''].join('') || '—';
}

function kindTable(kind: RecordKind): string[] {
  const lines = [
    `### ${kind.zh} · ${kind.en} (\`${kind.concept}\`)`,
    '',
    `所属层级 levels: ${kind.levels.map((level) => LEVEL_TEXT[level]).join(', ')}; 写入角色 write roles: ${kind.writeRoles.length > 0 ? kind.writeRoles.join(', ') : '—'}; ${kind.writtenBy ?? ''}`,
    '',
    `| 读者 reader | ${RELATIONS.join(' | ')} |`,
    `|---|${RELATIONS.map(() => '---').join('|')}|`,
  ];
  for (const level of LEVELS) {
    for (const reader of READERS) {
      if (reader === 'anonymous' && level !== 'city') continue;
      const label = reader === 'anonymous' ? '匿名 anonymous' : `${LEVEL_TEXT[level]} ${reader}`;
      lines.push(`| ${label} | ${RELATIONS.map((relation) => cell(kind, level, reader, relation)).join(' | ')} |`);
    }
  }
  lines.push('');
  return lines;
}

/**
 * `docs/access.md`, rendered from the access table and the supergraph's root fields. The file is
 * generated (`npm run docs:access`); `test/docs/access-doc.test.ts` fails when it is stale.
 */
export function renderAccessDoc(rootFields: { query: readonly string[]; mutation: readonly string[] }, classified: readonly ClassifiedField[] = []): string {
  const lines = [
    '# 访问权限表 · Access table',
    '',
    '<!-- 由 `npm run docs:access` 从 subgraphs/kit/src/authz/access-table.ts 与 operation-access.ts 生成，请勿手改 / generated from the access table; do not edit by hand -->',
    '',
    '## 规则 / The rule',
    '',
    '- **读 Read**：登录用户读取本辖区及其下级辖区的记录，以及上级指向本辖区（或其下级）的记录（任务下达的受文方、监督检查与问题所针对的单位）；角色不影响读取。匿名用户只能读取公开的行政区划骨架（市/区/街道的代码与名称）。',
    '  A signed-in principal reads records its own jurisdiction or one below it owns, and records addressed to its jurisdiction (or one below) from above (a directive\'s addressees, the unit a check or finding is about); roles do not change reads. Anonymous callers read only the public backbone (City / District / Street codes and names).',
    '- **写 Write**：只有记录所属辖区本身、且持有该类记录的写入角色，才能新建或修改；记录中指向下级单位的，写入时向下级子图核实该单位存在且属于写入者监督的辖区。',
    '  Only the owner jurisdiction itself, in one of the kind\'s write roles, creates or changes a record; a record that names a unit of the level below is checked with that level\'s subgraph at write time (the unit exists, in a jurisdiction the writer supervises).',
    '- **执行位置 Where it is enforced**：根字段用 `authz/guards.ts`；每个子图的所有 `__resolveReference`（`_entities`，以及其他子图交给网关的外部引用）由 `defineLevelFeatures` 统一套上本表的读规则（`authz/guard-references.ts`），被拒绝的引用解析为 null，并在该路径上给出 UNAUTHENTICATED / FORBIDDEN；在此之下，PostgreSQL 行级安全使读规则之外的记录对调用者不可见（已登录者读到 null，与不存在的记录相同）；下级单位的写入校验在 `jurisdiction/own-or-below.ts`（`assertUnitsExist`）。',
    '  Root fields use `authz/guards.ts`; every `__resolveReference` of a subgraph (`_entities`, and so every id one subgraph hands the gateway for another) is wrapped once by `defineLevelFeatures` with this table\'s read rule (`authz/guard-references.ts`): a refused reference resolves to null with UNAUTHENTICATED / FORBIDDEN on its path, and every field whose type is a record of this table applies the same rule to what it returns (`authz/guard-fields.ts`, wrapped once in `buildFederatedSchema`). Under all of these, PostgreSQL row-level security keeps records outside the reader\'s rule out of sight: a signed-in reader gets null, as for an id that does not exist (docs/security.md). Units of the level below are checked at write time by `assertUnitsExist` (`jurisdiction/own-or-below.ts`).',
    '',
    '## 关系 / Relations',
    '',
    ...RELATIONS.map((relation) => `- \`${relation}\`: ${RELATION_TEXT[relation]}`),
    '',
    '单元格 Cells: `R` 可读 may read, `W` 可写 may write, `—` 不可 refused, `·` 不存在该组合 no such combination (the level holds no such record, or the relation does not exist for that level). 角色 roles: ' + ROLES.join(', ') + '.',
    '',
    '## 记录类型 / Record kinds',
    '',
    ...RECORD_KINDS.flatMap(kindTable),
    ...classificationSection(classified),
    '## 根查询与变更 / Root queries and mutations',
    '',
    '每个根字段都在下面某一行中（`test/docs/access-doc.test.ts` 检查）。 Every root field of `schema/supergraph.graphql` is named in one row below (checked by a test).',
    '',
    '| 记录 kind | 谁可以 who may | 字段 fields |',
    '|---|---|---|',
  ];
  const all = [...rootFields.query.map((name) => `Query.${name}`), ...rootFields.mutation.map((name) => `Mutation.${name}`)];
  for (const row of OPERATION_ACCESS) {
    const pattern = operationPattern(row);
    const fields = all.filter((field) => pattern.test(field.split('.')[1]!));
    lines.push(`| ${row.kind} | ${row.zh} / ${row.en} | ${fields.map((field) => `\`${field}\``).join(' ')} |`);
  }
  lines.push('');
  return lines.join('\n');
}

/** The classification × role table, and the fields of the supergraph that carry each classification. */
function classificationSection(classified: readonly ClassifiedField[]): string[] {
  const lines = [
    '## 敏感字段 / Classified fields',
    '',
    '标注 `@sensitive(level: …)` 的字段（在 `schema/supergraph.graphql` 中可见）只对下表授权的角色返回内容；其他读者得到 null，并在该字段路径上得到 FORBIDDEN（`extensions.classification` 给出密级），记录的其他字段照常返回。密级只收紧记录的读规则，不放宽：读者须先能读该记录。',
    'A field marked `@sensitive(level: …)` (visible in `schema/supergraph.graphql`) answers only to the roles granted below; any other reader gets null with FORBIDDEN on that field\'s path (`extensions.classification` names the level) while the rest of the record answers. A classification narrows the record\'s read rule, never widens it. Enforced once, in `authz/guard-sensitive-fields.ts`, on the field\'s resolver — so through root fields, `_entities`, the city-wide lists and the exports alike.',
    '',
    `| 密级 classification | ${ROLES.join(' | ')} | 说明 meaning |`,
    `|---|${ROLES.map(() => '---').join('|')}|---|`,
    ...CLASSIFICATIONS.map((level) => {
      const grant = CLASSIFICATION_GRANTS[level];
      return `| \`${level}\` | ${ROLES.map((role) => (grant.roles.includes(role) ? 'R' : '—')).join(' | ')} | ${grant.zh} / ${grant.en} |`;
    }),
    '',
    '| 字段 field | 密级 classification |',
    '|---|---|',
    ...classified.map((entry) => `| \`${entry.type}.${entry.field}\` | \`${entry.level}\` |`),
    '',
  ];
  return lines;
}
