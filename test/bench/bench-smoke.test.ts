import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/project-root.js';

/** `npm run bench -- --smoke`: tiny numbers, so the bench cannot rot. Asserts that figures exist, never their values. */
describe('bench --smoke', () => {
  it('runs every scenario against the real stack and writes its figures', async () => {
    const resultsDir = join(projectRoot(), 'bench', 'results');
    const before = new Set(readdirSync(resultsDir));
    const output = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [join(projectRoot(), 'dist', 'bench', 'run.js'), '--smoke'],
        { env: { ...process.env, NODE_OPTIONS: '' }, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
      ),
    );
    expect(output).toMatch(/deadline storm/);
    const file = readdirSync(resultsDir).find((f) => f.endsWith('.json') && !before.has(f));
    const report = JSON.parse(readFileSync(join(resultsDir, file!), 'utf8'));
    expect(report.mode).toBe('smoke');
    const numbers = [
      report.raw.startsPerSecond,
      report.raw.updateRoundTripMs.p99,
      report.intake.steps[0].latencyMs.p95,
      report.officerAction.verifyMs.p99,
      report.projectionLagMs.p95,
      report.reads.endpoints[0].latencyMs.p95,
      report.reads.endpoints[1].latencyMs.p95,
      report.storm.latenessMs.p99,
      report.storm.missed,
      report.storm.doubled,
      report.capacity.createSeconds,
    ];
    for (const n of numbers) expect(typeof n).toBe('number');
    expect(report.versions.temporalSdk).toBeDefined();
  }, 300_000);
});
