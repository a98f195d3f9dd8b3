// npm run compose:check: validates docker-compose.yml with compose-go (the loader behind `docker compose
// config`), built once from ops/compose-check into .tools/bin through the Go module proxy (37 s on 2 cores with
// empty Go caches, 7 s warm), with a placeholder for every variable .env.example names.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/project-root.js';

const SOURCES = ['main.go', 'go.mod', 'go.sum'];

/** The checker's path, rebuilt when its sources are newer than the binary. */
export function ensureComposeCheck(): string {
  const source = join(projectRoot(), 'ops', 'compose-check');
  const binary = join(projectRoot(), '.tools', 'bin', 'compose-check');
  const built = existsSync(binary) ? statSync(binary).mtimeMs : 0;
  if (SOURCES.some((file) => statSync(join(source, file)).mtimeMs > built)) {
    execFileSync('go', ['build', '-o', binary, '.'], { cwd: source, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return binary;
}

/** The variables the operator must set (.env.example's empty assignments), each with a placeholder. */
export function placeholderEnvironment(): Record<string, string> {
  const example = readFileSync(join(projectRoot(), '.env.example'), 'utf8');
  const names = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=$/gm)].map((m) => m[1]);
  return Object.fromEntries(names.map((name) => [name, `placeholder-${name.toLowerCase()}`]));
}

export interface ComposeCheckResult {
  ok: boolean;
  output: string;
}

/** Loads the file with exactly `variables` as the environment (plus PATH and HOME for the loader). */
export function checkComposeFile(file: string, variables: Record<string, string>): ComposeCheckResult {
  const run = spawnSync(ensureComposeCheck(), [file], {
    cwd: projectRoot(),
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...variables },
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = checkComposeFile(join(projectRoot(), 'docker-compose.yml'), placeholderEnvironment());
  console.log(result.output);
  process.exit(result.ok ? 0 : 1);
}
