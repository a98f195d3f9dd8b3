import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/project-root.js';
import { developmentPayloadKeys, tenggatDataConverter } from '../../src/temporal/payload-codec.js';

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

  it.each(files)('replays %s on the production workflow bundle', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    await expect(
      // Histories recorded since payload encryption carry ciphertext (the development key); older ones plain payloads.
      Worker.runReplayHistory(
        { workflowBundle: { codePath: join(projectRoot(), 'dist', 'workflow-bundle.js') }, dataConverter: tenggatDataConverter(developmentPayloadKeys()) },
        history,
        file,
      ),
    ).resolves.toBeUndefined();
  });
});
