import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/project-root.js';

/**
 * Runs the compiled bench (dist/bench/run.js) with these arguments; answers its output and the results file it
 * wrote — the one its output names, so that benches running side by side never read each other's.
 */
export async function runBench(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ output: string; report: ReturnType<typeof JSON.parse> }> {
  const output = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      [join(projectRoot(), 'dist', 'bench', 'run.js'), ...args],
      { env: { ...env, NODE_OPTIONS: '' }, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    ),
  );
  const file = /^results written to (.+\.json)$/m.exec(output)?.[1];
  if (!file) throw new Error(`the bench named no results file:\n${output.slice(-4000)}`);
  return { output, report: JSON.parse(readFileSync(file, 'utf8')) };
}
