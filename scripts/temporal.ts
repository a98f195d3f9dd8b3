// npm run temporal -- ensure   build the Temporal CLI if no binary is installed, and say how long it took
// npm run temporal -- start    run the embedded Temporal dev server in the foreground (Ctrl+C stops it)
// npm run temporal -- ensure-server   build the production profile's Temporal server and SQL tool if missing
import { join } from 'node:path';
import { projectRoot } from '../src/project-root.js';
import { ensureTemporalServer } from './production-like.js';
import { ensureTemporalCli, findTemporalCli, startDevServer } from './temporal-dev-server.js';

const command = process.argv[2];
if (command === 'ensure') {
  const found = findTemporalCli();
  const started = Date.now();
  const cli = ensureTemporalCli();
  console.log(
    found ? `Temporal CLI: ${cli} (already installed, no build)` : `Temporal CLI: ${cli} (built in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
} else if (command === 'ensure-server') {
  const { server, sqlTool } = ensureTemporalServer();
  console.log(`Temporal server: ${server}, SQL tool: ${sqlTool}`);
} else if (command === 'start') {
  const server = await startDevServer(ensureTemporalCli(), {
    port: Number(process.env.TEMPORAL_PORT ?? 7233),
    uiPort: Number(process.env.TEMPORAL_UI_PORT ?? 8233),
    dbFile: join(projectRoot(), '.data', 'temporal', 'temporal.db'),
  });
  console.log(`Temporal dev server at ${server.address}, Web UI ${server.uiUrl}. Ctrl+C stops it.`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.stop().then(() => process.exit(0)));
} else {
  console.error('usage: npm run temporal -- ensure|ensure-server|start');
  process.exit(2);
}
