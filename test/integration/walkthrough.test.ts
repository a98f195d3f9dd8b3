import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedAgencies } from '../../scripts/seed.js';
import { projectRoot } from '../../src/project-root.js';
import { createTestApp, type TestApp } from '../support/app.js';

/** README's curl walk-through is scripts/walkthrough.sh verbatim; it runs against the API with the demo seed. */
describe('README walk-through', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    await seedAgencies(process.env.DATABASE_URL!);
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
  });
  afterAll(() => t.close());

  it('is the script README shows', () => {
    const script = readFileSync(join(projectRoot(), 'scripts', 'walkthrough.sh'), 'utf8');
    const body = script.slice(script.indexOf('set -euo pipefail'));
    expect(readFileSync(join(projectRoot(), 'README.md'), 'utf8')).toContain(body.trim());
  });

  it('takes one complaint from submission to CLOSED, acting as each role', async () => {
    // Asynchronously: the API answering the script runs in this process.
    const run = await promisify(execFile)('bash', [join(projectRoot(), 'scripts', 'walkthrough.sh')], {
      env: { ...process.env, BASE: base },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^citizen: complaint LPR-/m);
    expect(run.stdout).toMatch(/^CLOSED$/m);
    expect(run.stdout).toContain('walk-through done');
  });
});
