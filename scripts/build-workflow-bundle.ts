// Bundles workflows/ ahead of time for production workers (WORKFLOW_BUNDLE_PATH). Fails non-zero.
import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from '../src/project-root.js';
import { FAILURE_CONVERTER_PATH } from '../src/temporal/payload-codec.js';
import { WORKFLOW_TRACING_INTERCEPTORS } from '../src/tracing/worker-tracing.js';

export const WORKFLOW_BUNDLE = join(projectRoot(), 'dist', 'workflow-bundle.js');

const { code } = await bundleWorkflowCode({
  workflowsPath: join(projectRoot(), 'workflows', 'index.ts'),
  // Failures raised in workflow code are encoded like every other (payload-codec.ts).
  failureConverterPath: FAILURE_CONVERTER_PATH,
  // Spans for runs started with a trace; runs without one pass through unchanged (workflows/tracing-interceptors.ts).
  workflowInterceptorModules: [WORKFLOW_TRACING_INTERCEPTORS],
  logger: new DefaultLogger('WARN'),
});
mkdirSync(dirname(WORKFLOW_BUNDLE), { recursive: true });
writeFileSync(WORKFLOW_BUNDLE, code);
console.log(`workflow bundle written to ${WORKFLOW_BUNDLE} (${Math.round(code.length / 1024)} kB)`);
