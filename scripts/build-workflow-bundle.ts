// Bundles workflows/ ahead of time for production workers (WORKFLOW_BUNDLE_PATH). Fails non-zero.
import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from '../src/project-root.js';
import { FAILURE_CONVERTER_PATH } from '../src/temporal/payload-codec.js';
import { tracedWorkflowBundle, WORKFLOW_TRACING_INTERCEPTORS } from '../src/tracing/worker-tracing.js';

export const WORKFLOW_BUNDLE = join(projectRoot(), 'dist', 'workflow-bundle.js');

// Two bundles of the same workflows: the plain one every worker loads, and one with the tracing workflow
// interceptors for workers that trace (a run replays the same on both; workflows/tracing-interceptors.ts).
for (const [path, workflowInterceptorModules] of [
  [WORKFLOW_BUNDLE, []],
  [tracedWorkflowBundle(WORKFLOW_BUNDLE), [WORKFLOW_TRACING_INTERCEPTORS]],
] as const) {
  const { code } = await bundleWorkflowCode({
    workflowsPath: join(projectRoot(), 'workflows', 'index.ts'),
    // Failures raised in workflow code are encoded like every other (payload-codec.ts).
    failureConverterPath: FAILURE_CONVERTER_PATH,
    workflowInterceptorModules: [...workflowInterceptorModules],
    logger: new DefaultLogger('WARN'),
  });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, code);
  console.log(`workflow bundle written to ${path} (${Math.round(code.length / 1024)} kB)`);
}
