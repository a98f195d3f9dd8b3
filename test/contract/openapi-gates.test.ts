// The contract's CI gates: the committed document and client types are what the code generates (a stale
// one fails here, not in the console), and redocly and Spectral (OWASP) find no error in it.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLIENT_TYPES, generateContract, OPENAPI_JSON } from '../../scripts/openapi-document.js';
import { projectRoot } from '../../src/project-root.js';

const run = promisify(execFile);
const bin = (name: string) => join(projectRoot(), 'node_modules', '.bin', name);
const REGENERATE = 'run npm run contract:generate and commit openapi/openapi.json and console/src/api/openapi.d.ts';

/** A linter's JSON report; both tools exit non-zero when they find errors, and still print it. */
async function report(command: string, args: string[]): Promise<string> {
  const options = { cwd: projectRoot(), env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }, maxBuffer: 64 * 1024 * 1024 };
  try {
    return (await run(command, args, options)).stdout;
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    return stdout;
  }
}

/** Building the app and running two linters takes a while on a shared machine. */
const GATE_TIMEOUT_MS = 180_000;

describe('OpenAPI contract gates', () => {
  it('the committed document and client types are current', async () => {
    const { document, clientTypes } = await generateContract();
    expect({ file: 'openapi/openapi.json', upToDate: readFileSync(OPENAPI_JSON, 'utf8') === document, hint: REGENERATE }).toEqual({
      file: 'openapi/openapi.json',
      upToDate: true,
      hint: REGENERATE,
    });
    expect({ file: 'console/src/api/openapi.d.ts', upToDate: readFileSync(CLIENT_TYPES, 'utf8') === clientTypes, hint: REGENERATE }).toEqual({
      file: 'console/src/api/openapi.d.ts',
      upToDate: true,
      hint: REGENERATE,
    });
  }, GATE_TIMEOUT_MS);

  it('redocly lint (redocly.yaml) finds no error', async () => {
    const result = JSON.parse(await report(bin('redocly'), ['lint', 'openapi/openapi.json', '--format=json'])) as {
      totals: { errors: number };
      problems: { ruleId: string; message: string; severity: string }[];
    };
    expect(result.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(result.totals.errors).toBe(0);
  }, GATE_TIMEOUT_MS);

  it('Spectral with the OWASP ruleset (.spectral.yaml) finds no error', async () => {
    const problems = JSON.parse(await report(bin('spectral'), ['lint', 'openapi/openapi.json', '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet'])) as {
      code: string;
      message: string;
      severity: number;
      path: string[];
    }[];
    // Severity 0 is an error; warnings are advice the document may keep.
    expect(problems.filter((p) => p.severity === 0).map((p) => `${p.code} at ${p.path.join('.')}: ${p.message}`)).toEqual([]);
  }, GATE_TIMEOUT_MS);
});
