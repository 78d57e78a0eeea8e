import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * CI runs the deployed-style benchmark at its tiny size (`npm run bench:scale -- --tasks tiny
 * --quick`, built code, separate processes): every scenario's answers are checked and every
 * request under load must succeed. It asserts that the benchmark works, never how fast.
 */

const ROOT = join(__dirname, '..', '..', '..');

interface Result {
  size: string;
  scenarios: { name: string; sides: { name: string; failed: number; samples: { completed: number }[]; statements: Record<string, number> }[] }[];
  peakRssMb: Record<string, number | null>;
}

test('the scale benchmark runs end to end at the tiny size without a failed request', async () => {
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'test', 'dist', 'bench', 'scale', 'run-scale.js'), '--tasks', 'tiny', '--quick'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`bench exited with ${code}:\n${output.join('').slice(-4000)}`);

  const result = JSON.parse(readFileSync(join(ROOT, 'test', 'bench', 'results', 'scale-tiny-quick.json'), 'utf8')) as Result;
  expect(result.scenarios.map((scenario) => scenario.name)).toEqual(['dashboard', 'drill-down', 'chain-hop', 'districts-list', 'writes']);
  for (const side of result.scenarios.flatMap((scenario) => scenario.sides)) {
    expect({ side: side.name, failed: side.failed }).toEqual({ side: side.name, failed: 0 });
    expect(side.samples.every((sample) => sample.completed > 0)).toBe(true);
  }
  // Our gateway's dashboard reads each level's database; the SQL-floor sides report their own counts.
  const dashboard = result.scenarios[0].sides.find((side) => side.name === 'dashboard · our gateway')!;
  expect(Object.values(dashboard.statements).every((count) => count > 0)).toBe(true);
  for (const name of ['gateway', 'city subgraph', 'district subgraph', 'street subgraph']) expect(result.peakRssMb[name]).toBeGreaterThan(0);
}, 300_000);
