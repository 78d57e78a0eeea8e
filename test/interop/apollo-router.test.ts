/* eslint-disable @typescript-eslint/no-explicit-any -- parsed YAML of any shape; the tests check the fields they use one by one */
/**
 * Apollo Router cannot run here (its binary is not on npm), so its configuration and the
 * supergraph are checked for what Router needs: the specs the supergraph links are ones Router
 * implements, nothing in it is a licensed-only Router feature, and the configuration does what
 * our gateway does (routing URLs, header propagation, the subgraph secret, the body limit),
 * reading only variables our gateway reads too.
 */
import { gatewayEnvSchema } from '@supervision/gateway';
import { GATEWAY_SECRET_HEADER, MAX_REQUEST_BODY_BYTES } from '@supervision/kit';
import { Kind, parse as parseGraphQL, type ConstDirectiveNode, type EnumTypeDefinitionNode, type SchemaDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const configText = readFileSync(join(ROOT, 'infra', 'deploy', 'router', 'router.yaml'), 'utf8');
const config = parse(configText) as Record<string, any>;
const supergraph = parseGraphQL(readFileSync(join(ROOT, 'schema', 'supergraph.graphql'), 'utf8'));

/** The core specs Router 1.x and 2.x implement (link, join up to v0.5, inaccessible, tag). */
const ROUTER_SPECS = [
  'https://specs.apollo.dev/link/v1.0',
  'https://specs.apollo.dev/join/v0.2',
  'https://specs.apollo.dev/join/v0.3',
  'https://specs.apollo.dev/join/v0.4',
  'https://specs.apollo.dev/join/v0.5',
  'https://specs.apollo.dev/inaccessible/v0.2',
  'https://specs.apollo.dev/tag/v0.3',
];

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const argument = directive.arguments?.find((candidate) => candidate.name.value === name);
  return argument?.value.kind === Kind.STRING || argument?.value.kind === Kind.ENUM ? argument.value.value : undefined;
}

describe('the supergraph on Apollo Router', () => {
  const schema = supergraph.definitions.find((node): node is SchemaDefinitionNode => node.kind === Kind.SCHEMA_DEFINITION)!;
  const linkDirectives = schema.directives!.filter((directive) => directive.name.value === 'link');
  const links = linkDirectives.map((directive) => stringArgument(directive, 'url'));

  it('links only specs Router implements, besides composed directives with no purpose', () => {
    expect(links.length).toBeGreaterThan(0);
    // By the core-schema rules a gateway must refuse a spec it does not know only when the
    // link names a purpose (`for: SECURITY` / `for: EXECUTION`); the platform's own composed
    // directives (the @sensitive classification) name none, so Router serves them as metadata.
    const unknown = linkDirectives.filter((directive) => !ROUTER_SPECS.includes(stringArgument(directive, 'url')!));
    expect(unknown.filter((directive) => stringArgument(directive, 'for') !== undefined).map((directive) => stringArgument(directive, 'url'))).toEqual([]);
    expect(unknown.map((directive) => stringArgument(directive, 'url'))).toEqual(['https://supervision.tj.gov.cn/classification/v1.0']);
  });

  it('uses no subscriptions (a licensed Router feature)', () => {
    expect(schema.operationTypes.map((operation) => operation.operation).sort()).toEqual(['mutation', 'query']);
  });

  it('names every subgraph the configuration routes', () => {
    const graphs = supergraph.definitions.find(
      (node): node is EnumTypeDefinitionNode => node.kind === Kind.ENUM_TYPE_DEFINITION && node.name.value === 'join__Graph',
    )!;
    const names = graphs.values!.map((value) => stringArgument(value.directives!.find((directive) => directive.name.value === 'join__graph')!, 'name'));
    expect(Object.keys(config.override_subgraph_url).sort()).toEqual([...names].sort());
  });
});

describe('router.yaml', () => {
  it('passes the caller’s token on and adds the gateway secret to every subgraph call', () => {
    const rules = config.headers.all.request as Record<string, { named?: string; name?: string; value?: string }>[];
    expect(rules).toContainEqual({ propagate: { named: 'authorization' } });
    const insert = rules.findIndex((rule) => rule.insert?.name === GATEWAY_SECRET_HEADER);
    expect(rules[insert].insert!.value).toBe('${env.GATEWAY_SECRET}');
    // A client's own x-gateway-secret is dropped before ours is set.
    expect(rules.findIndex((rule) => rule.remove?.named === GATEWAY_SECRET_HEADER)).toBeLessThan(insert);
  });

  it('accepts the same request bodies as our gateway and bounds the parser', () => {
    expect(config.limits.router.http_max_request_bytes).toBe(MAX_REQUEST_BODY_BYTES);
    expect(config.limits.router.parser_max_tokens).toBeGreaterThan(0);
    expect(config.limits.router.parser_max_recursion).toBeGreaterThan(0);
  });

  it('reads only variables our gateway reads', () => {
    const variables = [...configText.matchAll(/\$\{env\.([A-Z_]+)\}/g)].map((match) => match[1]);
    expect(variables.length).toBeGreaterThan(0);
    expect(variables.filter((name) => !(name in gatewayEnvSchema.shape))).toEqual([]);
  });

  it('has a health check for the orchestrator and no sandbox loaded from a CDN', () => {
    expect(config.health_check).toMatchObject({ enabled: true, path: '/health' });
    expect(config.sandbox.enabled).toBe(false);
    expect(config.homepage.enabled).toBe(false);
  });
});
