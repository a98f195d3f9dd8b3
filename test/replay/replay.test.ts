import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/project-root.js';
import { developmentPayloadKeys, tenggatDataConverter } from '../../src/temporal/payload-codec.js';
import { tracedWorkflowBundle } from '../../src/tracing/worker-tracing.js';

/**
 * Histories recorded from real runs (npm run history:record) must replay on today's workflow code:
 * a non-deterministic change would break every running complaint.
 */
describe('replay of recorded complaint histories', () => {
  const dir = join(projectRoot(), 'test', 'replay', 'histories');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  // A worker loads the traced bundle only when it traces: every run must replay on either.
  const bundles = { plain: join(projectRoot(), 'dist', 'workflow-bundle.js'), traced: tracedWorkflowBundle(join(projectRoot(), 'dist', 'workflow-bundle.js')) };
  const cases = files.flatMap((file) => Object.entries(bundles).map(([kind, bundle]) => [file, kind, bundle]));

  it.each(cases)('replays %s on the %s production workflow bundle', async (file, _kind, bundle) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    await expect(
      // Histories recorded since payload encryption carry ciphertext (the development key); older ones plain payloads.
      Worker.runReplayHistory(
        { workflowBundle: { codePath: bundle }, dataConverter: tenggatDataConverter(developmentPayloadKeys()) },
        history,
        file,
      ),
    ).resolves.toBeUndefined();
  });
});
