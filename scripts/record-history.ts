// npm run history:record -- <workflowId> <name>
// Saves a workflow's event history (the Temporal CLI's JSON, as Temporal's replay docs use) as
// test/replay/histories/<name>.json, so a workflow change that would break running complaints fails CI.
// The integration tests save one per lifecycle path when run with RECORD_HISTORIES=1.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/project-root.js';
import { ensureTemporalCli } from './temporal-dev-server.js';

export function saveHistory(workflowId: string, name: string, address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233'): number {
  const json = execFileSync(
    ensureTemporalCli(),
    ['workflow', 'show', '--workflow-id', workflowId, '--output', 'json', '--address', address,
      '--namespace', process.env.TEMPORAL_NAMESPACE ?? 'default'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const dir = join(projectRoot(), 'test', 'replay', 'histories');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), json);
  return JSON.parse(json).events.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [workflowId, name] = process.argv.slice(2);
  if (!workflowId || !name || !/^[a-z0-9-]+$/.test(name)) {
    console.error('usage: npm run history:record -- <workflowId> <kebab-case-name>');
    process.exit(2);
  }
  console.log(`saved ${saveHistory(workflowId, name)} events of ${workflowId} to test/replay/histories/${name}.json`);
}
