import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { RECORD_NAMES } from '../../subgraphs/kit/src/errors/record-names';

/**
 * The platform's users read Chinese first: every message the platform raises on purpose says it in
 * Chinese, with the English beside it. This reads every source file of the subgraphs and the
 * gateway and looks at each call of an error helper whose message is written in place (a string,
 * a template or a concatenation of them): the written text must hold Chinese. A message passed in
 * a variable is checked where that variable's text is written. `notFound(what, id)` names the
 * record kind by a key of `RECORD_NAMES`, which holds its Chinese name.
 */
const root = join(__dirname, '..', '..');
const MESSAGE_ARGUMENT: Record<string, number> = {
  badUserInput: 1,
  forbidden: 0,
  unauthenticated: 0,
  invalidToken: 0,
  conflict: 0,
  failedPrecondition: 0,
  GraphQLError: 0,
};
const CHINESE = /[\u4e00-\u9fa5]/;
/**
 * Messages written as a property (`{ message: … }` of a validation rule or a refusal's problem,
 * `defaultMessage: () => …` of a custom rule) are judged too, except in the start-up
 * configuration's schemas, which an operator reads in the log of a service that would not start.
 */
const MESSAGE_PROPERTIES = new Set(['message', 'defaultMessage']);
const OPERATOR_ONLY = [join('kit', 'src', 'config'), join('kit', 'src', 'auth', 'token-keys.ts'), join('kit', 'src', 'crypto', 'crypto-settings.ts')];
/** A text of placeholders and punctuation only (`${field}: ${message}`) is composed of messages checked where they are written. */
const WORDS = /[A-Za-z\u4e00-\u9fa5]/;

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.parentPath.includes('node_modules') && !entry.parentPath.includes('/dist'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The literal text of a message written in place, or undefined when it comes from elsewhere. */
function writtenText(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('…');
  if (ts.isParenthesizedExpression(node)) return writtenText(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const parts = [writtenText(node.left), writtenText(node.right)].filter((part): part is string => part !== undefined);
    return parts.length ? parts.join('…') : undefined;
  }
  return undefined;
}

function calleeName(node: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

interface Finding {
  at: string;
  text: string;
}

function inspect(file: string, text = readFileSync(file, 'utf8')): { englishOnly: Finding[]; unnamedRecords: Finding[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const englishOnly: Finding[] = [];
  const unnamedRecords: Finding[] = [];
  const at = (node: ts.Node) => `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && MESSAGE_PROPERTIES.has(node.name.text) && !OPERATOR_ONLY.some((part) => file.includes(part))) {
      const value = ts.isArrowFunction(node.initializer) && !ts.isBlock(node.initializer.body) ? node.initializer.body : node.initializer;
      const text = writtenText(value);
      if (text !== undefined && WORDS.test(text) && !CHINESE.test(text)) englishOnly.push({ at: at(node), text });
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calleeName(node);
      const args = node.arguments ?? [];
      if (name === 'notFound' && args[0]) {
        const what = writtenText(args[0]);
        if (what !== undefined && !(what in RECORD_NAMES)) unnamedRecords.push({ at: at(node), text: what });
      } else if (name && name in MESSAGE_ARGUMENT) {
        const message = args[MESSAGE_ARGUMENT[name]];
        const text = message && writtenText(message);
        if (text !== undefined && WORDS.test(text) && !CHINESE.test(text)) englishOnly.push({ at: at(node), text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { englishOnly, unnamedRecords };
}

describe('messages speak Chinese first', () => {
  const files = [join(root, 'subgraphs'), join(root, 'gateway', 'src')].flatMap(sourcesUnder);
  const results = files.map((file) => inspect(file));

  it('reads the sources it judges', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((file) => file.endsWith('graphql-errors.ts'))).toBe(true);
  });

  it('every error message written in place holds Chinese', () => {
    expect(results.flatMap((result) => result.englishOnly)).toEqual([]);
  });

  it('every record kind named by notFound has its Chinese name', () => {
    expect(results.flatMap((result) => result.unnamedRecords)).toEqual([]);
  });

  it('judges what it should: English-only messages and unnamed records are found, bilingual ones pass', () => {
    const probe = inspect(join(root, 'probe.ts'), [
      "throw badUserInput('input.name', `${name} is taken`);",
      "throw forbidden('only the commission ' + 'may do this');",
      "throw new GraphQLError('boom');",
      "throw notFound('gizmo', id);",
      "throw badUserInput('input.name', `名称已被使用 / ${name} is taken`);",
      "throw conflict('记录已被他人修改 / changed by someone else');",
      "throw forbidden(message);",
      "throw notFound('task', id);",
      "const rule = { message: 'must be a code' };",
      "const named = { defaultMessage: () => '须为日期 / must be a date' };",
    ].join('\n'));
    expect(probe.englishOnly.map((finding) => finding.at)).toEqual(['probe.ts:1', 'probe.ts:2', 'probe.ts:3', 'probe.ts:9']);
    expect(probe.unnamedRecords.map((finding) => finding.text)).toEqual(['gizmo']);
  });
});
