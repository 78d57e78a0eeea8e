/* eslint-disable @typescript-eslint/no-explicit-any -- parsed YAML of any shape; the tests check the fields they use one by one */
/**
 * The deployment files, checked offline (this machine runs no containers): the Kubernetes
 * manifests validate against the Kubernetes schemas, every variable a service reads (its zod
 * environment schema) is set for it in the manifests and in the compose file, the network
 * policies let only the gateway reach the subgraphs and only a level's own subgraph reach its
 * database, and the migration Job's entrypoint migrates an empty database once when two run
 * at once.
 */
import { gatewayEnvSchema } from '@supervision/gateway';
import { subgraphEnvSchema } from '@supervision/kit';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse, parseAllDocuments } from 'yaml';
import { migrateEnvSchema } from '../../infra/deploy/migrate/migrate';
import { testServerUrl } from '../support/platform';

const ROOT = join(__dirname, '..', '..');
const DEPLOY = join(ROOT, 'infra', 'deploy');
const MANIFESTS = join(DEPLOY, 'kubernetes');
const LEVELS = ['city', 'district', 'street'] as const;

type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> }; spec?: any; data?: Record<string, string>; stringData?: Record<string, string> };
type Container = { name: string; env?: { name: string; value?: string; valueFrom?: any }[]; envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[]; readinessProbe?: any; livenessProbe?: any; securityContext?: any };

const objects: K8sObject[] = readdirSync(MANIFESTS)
  .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
  .flatMap((file) => parseAllDocuments(readFileSync(join(MANIFESTS, file), 'utf8')).map((document) => document.toJS() as K8sObject))
  .filter(Boolean);

const find = (kind: string, name: string) => objects.find((object) => object.kind === kind && object.metadata.name === name);
const workloads = () => objects.filter((object) => object.kind === 'Deployment' || object.kind === 'Job');
const podLabels = (workload: K8sObject): Record<string, string> => workload.spec.template.metadata.labels;
const containerOf = (workload: K8sObject): Container => workload.spec.template.spec.containers[0];

/** Every variable a container gets: its own env entries and the keys of the ConfigMaps/Secrets it imports. */
function variablesOf(container: Container): Set<string> {
  const names = new Set((container.env ?? []).map((entry) => entry.name));
  for (const source of container.envFrom ?? []) {
    const ref = source.configMapRef ?? source.secretRef;
    const object = find(source.configMapRef ? 'ConfigMap' : 'Secret', ref!.name);
    expect(object).toBeDefined();
    for (const key of Object.keys({ ...object!.data, ...object!.stringData })) names.add(key);
  }
  return names;
}

/**
 * Variables a deployment deliberately leaves to the service's own default, each with the reason.
 * Every other variable a service reads must be set by the manifests and the compose file, so a new
 * setting cannot be forgotten: it is either deployed or listed here.
 */
const LEFT_TO_DEFAULT: Record<string, string> = {
  ...Object.fromEntries(
    ['DEPTH', 'ALIASES', 'DIRECTIVES', 'TOKENS', 'COST'].flatMap((limit) => [
      [`LIMIT_${limit}`, 'operation limits: each service has its own defaults, the subgraphs looser than the gateway so the gateway refuses first'],
      [`ANONYMOUS_LIMIT_${limit}`, 'operation limits for anonymous callers: the services\' defaults'],
    ]),
  ),
  LIMIT_QUERY_LENGTH: 'operation limits: the services\' defaults',
  REQUEST_DEADLINE_MS: 'per-request deadline: the services\' defaults (gateway 15 s, subgraphs 20 s)',
  MAX_RESPONSE_BYTES: 'maximum response size: the services\' defaults',
  NODE_ENV: 'PRODUCTION is set instead',
  JWT_PUBLIC_JWKS: 'an alternative key source to JWT_PUBLIC_JWK (one is set)',
  JWT_PUBLIC_JWKS_FILE: 'an alternative key source to JWT_PUBLIC_JWK (one is set)',
  JWT_JWKS_URL: 'an alternative key source to JWT_PUBLIC_JWK (one is set)',
  TOKEN_MAX_LIFETIME_SECONDS: 'token lifetime: the default 12 h',
  TOKEN_CLOCK_SKEW_SECONDS: 'allowed clock skew: the default 60 s',
  OIDC_ISSUER: 'the organisation\'s identity provider: set per site beside its client registration (README "Login in production"); the manifests ship the platform\'s own key',
  OIDC_AUDIENCE: 'the platform\'s client id at the identity provider: set with OIDC_ISSUER',
  OIDC_ROLE_MAP: 'provider role → platform role: set with OIDC_ISSUER',
  OIDC_LEVEL_MAP: 'provider level values → city/district/street: set with OIDC_ISSUER where the provider uses other words',
  OIDC_ALGORITHMS: 'accepted provider algorithms: the default RS256, ES256, PS256',
  OIDC_LEVEL_CLAIM: 'claim holding the level: the default `level`, set per provider',
  OIDC_CODE_CLAIM: 'claim holding the jurisdiction code: the default `code`, set per provider',
  OIDC_ROLES_CLAIM: 'claim holding the roles: the default `roles`, set per provider',
  OIDC_NAME_CLAIM: 'claim holding the display name: the default `name`',
  RATE_LIMIT_PER_ADDRESS: 'rate limits: the defaults',
  RATE_LIMIT_PER_PRINCIPAL: 'rate limits: the defaults',
  RATE_LIMIT_WINDOW_SECONDS: 'rate limits: the defaults',
  TRUST_PROXY: 'set only where a load balancer forwards the client address (the Kubernetes ConfigMap sets it; compose publishes the gateway directly)',
  SUBGRAPH_DEADLINE_MS: 'gateway → subgraph deadline: the default 10 s',
  PEER_DEADLINE_MS: 'subgraph → subgraph deadline: the default 5 s',
  PEER_WINDOW_MS: 'how old a signed peer call may be: the default 30 s',
  CROSS_LEVEL_RELAY_MS: 'how often the cross-level relay looks for steps to undo: the default',
  CROSS_LEVEL_GRACE_MS: 'how old a pending cross-level step must be before the relay takes it: the default',
  IDEMPOTENCY_KEY_TTL_HOURS: 'how long an idempotency key is remembered: the default 7 days',
  IDEMPOTENCY_SWEEP_MS: 'how often older idempotency keys are deleted: the default 1 h',
  RETENTION_YEARS: 'how long duty records stay current before they may be archived: the default 10 years',
  REVOCATION_REFRESH_MS: 'how often the token deny-list is fetched from the city: the default 5 s',
  DIGEST_ALGORITHM: 'hash of chains and digests: the default SHA-256 (a deployment under commercial-cryptography rules sets sm3)',
  EVIDENCE_CIPHER: 'evidence cipher: the default SM4-CBC + HMAC-SM3, used once EVIDENCE_KEYS is provisioned',
  EVIDENCE_KEYS: 'evidence data keys: provisioned from the KMS by the deployment (docs/cryptography.md); none in the manifests',
  EVIDENCE_KEY_ID: 'active evidence key: the last of EVIDENCE_KEYS',
  DATABASE_ADMIN_URL: 'a deployed subgraph holds only the service role: the migration Job migrates, seeds and provisions that role as the owner',
  EVIDENCE_QUOTA_BYTES: 'evidence quota per jurisdiction: the default 2 GiB of distinct content',
};

const deployed = (names: string[]) => names.filter((name) => !(name in LEFT_TO_DEFAULT));

const SERVICE_VARIABLES = {
  gateway: deployed(Object.keys(gatewayEnvSchema.shape)),
  subgraph: deployed(Object.keys(subgraphEnvSchema.shape)),
  migration: deployed(Object.keys(migrateEnvSchema.shape)),
};

it('leaves to a default only variables the services read', () => {
  const read = new Set([...Object.keys(gatewayEnvSchema.shape), ...Object.keys(subgraphEnvSchema.shape), ...Object.keys(migrateEnvSchema.shape)]);
  expect(Object.keys(LEFT_TO_DEFAULT).filter((name) => !read.has(name))).toEqual([]);
});

describe('Kubernetes manifests', () => {
  it('validate against the Kubernetes schemas (kubernetes-models), offline', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(DEPLOY, 'check', 'validate-manifests.mjs'), MANIFESTS]);
    const results = stdout.trim().split('\n').map((line) => JSON.parse(line) as { kind: string; valid: boolean; error?: string });
    expect(results.filter((result) => !result.valid)).toEqual([]);
    const kinds = new Set(results.map((result) => result.kind));
    for (const kind of ['Deployment', 'Service', 'ConfigMap', 'Secret', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy', 'Job', 'Cluster']) {
      expect(kinds).toContain(kind);
    }
  });

  it('are refused by the validator when a field has the wrong type', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'manifests-'));
    try {
      writeFileSync(join(folder, 'gateway.yaml'), readFileSync(join(MANIFESTS, 'gateway.yaml'), 'utf8').replace('containerPort: 4000', 'containerPort: "4000/tcp"'));
      const run = promisify(execFile)(process.execPath, [join(DEPLOY, 'check', 'validate-manifests.mjs'), folder]);
      await expect(run).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining('containerPort must be integer') });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('lists every manifest in the kustomization', () => {
    const kustomization = parse(readFileSync(join(MANIFESTS, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
    const files = readdirSync(MANIFESTS).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it.each(['gateway', ...LEVELS.map((level) => `${level}-subgraph`)])('%s: Deployment, Service, autoscaler, disruption budget, probes, non-root', (name) => {
    const deployment = find('Deployment', name)!;
    expect(deployment).toBeDefined();
    expect(find('Service', name)?.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(find('HorizontalPodAutoscaler', name)?.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
    expect(find('HorizontalPodAutoscaler', name)?.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(find('PodDisruptionBudget', name)?.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    const container = containerOf(deployment);
    expect(container.livenessProbe.httpGet.path).toBe('/health');
    expect(container.readinessProbe.httpGet.path).toBe(name === 'gateway' ? '/health' : '/ready');
    expect(container.securityContext).toMatchObject({ runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
  });

  it('set every variable each service reads (its zod schema) for each container', () => {
    const expectations: [K8sObject, string[]][] = [
      [find('Deployment', 'gateway')!, SERVICE_VARIABLES.gateway],
      ...LEVELS.map((level) => [find('Deployment', `${level}-subgraph`)!, SERVICE_VARIABLES.subgraph] as [K8sObject, string[]]),
      ...LEVELS.map((level) => [find('Job', `${level}-migrate-1-0-0`)!, SERVICE_VARIABLES.migration] as [K8sObject, string[]]),
    ];
    for (const [workload, variables] of expectations) {
      const set = variablesOf(containerOf(workload));
      expect({ workload: workload.metadata.name, missing: variables.filter((name) => !set.has(name)) }).toEqual({ workload: workload.metadata.name, missing: [] });
    }
  });

  it('give each level its own PostgreSQL server, reached through that server’s own credentials', () => {
    for (const level of LEVELS) {
      const cluster = find('Cluster', `${level}-db`);
      expect(cluster?.spec.bootstrap.initdb.database).toBe(`supervision_${level}`);
      const variable = (workload: K8sObject, name: string) => containerOf(workload).env!.find((entry) => entry.name === name);
      const subgraph = find('Deployment', `${level}-subgraph`)!;
      const job = find('Job', `${level}-migrate-1-0-0`)!;
      // CloudNativePG writes the Secret `<cluster>-app`, key `uri`, for the cluster's owner: only the Job uses it.
      expect(variable(job, 'DATABASE_URL')?.valueFrom.secretKeyRef).toEqual({ name: `${level}-db-app`, key: 'uri' });
      // The subgraph connects as the service role (row-level security), which the Job provisions.
      for (const [workload, name] of [[subgraph, 'DATABASE_URL'], [job, 'SERVICE_DATABASE_URL']] as const) {
        expect(variable(workload, name)?.valueFrom.secretKeyRef).toEqual({ name: `${level}-db-service`, key: 'uri' });
      }
      expect(variable(subgraph, 'DATABASE_ADMIN_URL')).toBeUndefined();
      expect(find('Secret', `${level}-db-service`)?.stringData?.uri).toMatch(new RegExp(`^postgresql://supervision_service:[^@]+@${level}-db-rw\\.`));
    }
  });

  it('run migrations only as Jobs: no replica migrates or seeds at start', () => {
    const config = find('ConfigMap', 'supervision-config')!;
    expect(config.data).toMatchObject({ MIGRATE_ON_START: 'false', SEED_ON_START: 'false', SEED_DEMO_DATA: 'false' });
    for (const level of LEVELS) expect(containerOf(find('Job', `${level}-migrate-1-0-0`)!).env).toContainEqual({ name: 'LEVEL', value: level });
  });

  /** The workloads (by their pods' labels) a NetworkPolicy lets in on some port. */
  function admitted(policy: K8sObject): string[] {
    const rules: { from?: { podSelector?: { matchLabels: Record<string, string> }; namespaceSelector?: unknown }[] }[] = policy.spec.ingress ?? [];
    return workloads()
      .filter((workload) =>
        rules.some(
          (rule) =>
            !rule.from ||
            rule.from.some(
              (peer) =>
                !peer.namespaceSelector &&
                peer.podSelector &&
                Object.entries(peer.podSelector.matchLabels).every(([key, value]) => podLabels(workload)[key] === value),
            ),
        ),
      )
      .map((workload) => workload.metadata.name)
      .sort();
  }

  it('deny all ingress by default', () => {
    expect(find('NetworkPolicy', 'default-deny-ingress')?.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
  });

  it.each(LEVELS)('let only the gateway (and the peer subgraphs) reach the %s subgraph', (level) => {
    const policy = find('NetworkPolicy', `${level}-subgraph-ingress`)!;
    expect(policy.spec.podSelector.matchLabels).toEqual(find('Deployment', `${level}-subgraph`)!.spec.selector.matchLabels);
    expect(admitted(policy)).toEqual(['city-subgraph', 'district-subgraph', 'gateway', 'street-subgraph']);
  });

  it.each(LEVELS)('let only the %s subgraph and its migration Job reach its database', (level) => {
    const policy = find('NetworkPolicy', `${level}-db-ingress`)!;
    expect(policy.spec.podSelector.matchLabels).toEqual({ 'cnpg.io/cluster': `${level}-db` });
    expect(admitted(policy)).toEqual([`${level}-migrate-1-0-0`, `${level}-subgraph`].sort());
  });
});

describe('compose file', () => {
  const compose = parse(readFileSync(join(DEPLOY, 'compose', 'compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<string, { environment?: Record<string, string>; ports?: string[]; networks?: string[] }>;
    networks: Record<string, { internal?: boolean }>;
  };

  it('sets every variable each service reads (its zod schema)', () => {
    const expectations: [string, string[]][] = [
      ['gateway', SERVICE_VARIABLES.gateway],
      ...LEVELS.map((level) => [level, SERVICE_VARIABLES.subgraph] as [string, string[]]),
      ...LEVELS.map((level) => [`${level}-migrate`, SERVICE_VARIABLES.migration] as [string, string[]]),
    ];
    for (const [service, variables] of expectations) {
      const environment = compose.services[service]?.environment ?? {};
      expect({ service, missing: variables.filter((name) => !(name in environment)) }).toEqual({ service, missing: [] });
    }
  });

  it('publishes only the gateway and keeps each database on a network with its own level only', () => {
    expect(Object.entries(compose.services).filter(([, service]) => service.ports).map(([name]) => name)).toEqual(['gateway']);
    for (const level of LEVELS) {
      const network = `${level}-data`;
      expect(compose.networks[network].internal).toBe(true);
      const members = Object.entries(compose.services).filter(([, service]) => service.networks?.includes(network)).map(([name]) => name);
      expect(members.sort()).toEqual([level, `${level}-db`, `${level}-migrate`].sort());
    }
    expect(compose.networks.levels.internal).toBe(true);
  });
});

describe('container image', () => {
  const dockerfile = readFileSync(join(DEPLOY, 'docker', 'Dockerfile'), 'utf8');
  const entrypoint = readFileSync(join(DEPLOY, 'docker', 'entrypoint.sh'), 'utf8');

  it('is built in stages, runs as a non-root user and checks its health', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK /m);
    expect(runtime).not.toMatch(/npm (ci|install)/);
  });

  it('starts every service the manifests and the compose file name, from files the build produces', () => {
    for (const [service, file] of [
      ['gateway', 'gateway/dist/main.js'],
      ['city|district|street', 'subgraphs/${SERVICE}/dist/main.js'],
      ['migrate', 'infra/deploy/dist/migrate/migrate.js'],
    ]) {
      expect(entrypoint).toContain(`${service})`);
      expect(entrypoint).toContain(file);
    }
    for (const file of ['gateway/src/main.ts', ...LEVELS.map((level) => `subgraphs/${level}/src/main.ts`), 'infra/deploy/migrate/migrate.ts']) {
      expect(() => readFileSync(join(ROOT, file))).not.toThrow();
    }
  });
});

describe('migration Job entrypoint', () => {
  const script = join(DEPLOY, 'dist', 'migrate', 'migrate.js');

  function runJob(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => resolve({ code, output }));
    });
  }

  it('migrates and seeds an empty database exactly once when two Jobs run at once', async () => {
    const databaseUrl = `${testServerUrl()}/t_migrate_job_${Date.now().toString(36)}`;
    const runs = await Promise.all([0, 1].map(() => runJob({ LEVEL: 'district', DATABASE_URL: databaseUrl })));
    expect(runs.map((run) => run.code)).toEqual([0, 0]);
    const applied = runs.map((run) => Number(/applied (\d+) migration/.exec(run.output)?.[1]));
    expect(applied.sort()).toEqual([0, applied[1]]);
    expect(applied[1]).toBeGreaterThan(0);
    expect(runs.map((run) => /seeded 16 districts|seed skipped/.exec(run.output)?.[0]).sort()).toEqual(['seed skipped', 'seeded 16 districts']);
  });

  it('names the bad variable and fails when the level is unknown', async () => {
    const run = await runJob({ LEVEL: 'province', DATABASE_URL: `${testServerUrl()}/unused` });
    expect(run.code).toBe(1);
    expect(run.output).toContain('LEVEL');
  });
});
