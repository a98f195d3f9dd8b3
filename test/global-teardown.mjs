// After the whole suite, while the stack still runs: the operator check must find every complaint
// accounted for (npm run ops:check), and no history may show reporter text the tests typed (history
// scan). Each outcome counts as one test (scripts/test-summary.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { prismaAdapter } from '../dist/src/database/database-url.js';
import { PrismaClient } from '../dist/src/generated/prisma/client.js';
import { formatReport, operatorCheck, problemCount } from '../dist/scripts/ops-check.js';
import { payloadKeysFrom, tenggatDataConverter } from '../dist/src/temporal/payload-codec.js';
import { scanHistories } from '../dist/test/support/history-scan.js';

async function checkEveryComplaintAccountedFor() {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  const prisma = new PrismaClient({ adapter: prismaAdapter(process.env.DATABASE_URL, 4) });
  try {
    const client = new Client({ connection, dataConverter: tenggatDataConverter(payloadKeysFrom(process.env.TEMPORAL_PAYLOAD_KEYS)) });
    const report = await operatorCheck(client, prisma, {
      taskQueue: process.env.TEMPORAL_TASK_QUEUE,
      slaPolicyFile: 'config/sla-policy.json',
    });
    console.log(`\noperator check after the suite (npm run ops:check):\n${formatReport(report)}`);
    return problemCount(report);
  } finally {
    await prisma.$disconnect();
    await connection.close();
  }
}

/** Every history of the run, read as Temporal itself shows it: reporter text typed by the tests must be ciphertext. */
async function scanEveryHistoryForReadableReporterText() {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    const scan = await scanHistories(new Client({ connection }), process.env.TEMPORAL_TASK_QUEUE);
    console.log(`history scan after the suite: ${scan.histories} histories read without the codec, ${scan.readable.length} places with readable reporter text`);
    for (const hit of scan.readable.slice(0, 20)) console.log(`  ${hit.workflowId} ${hit.path}`);
    return scan.histories === 0 ? 1 : scan.readable.length;
  } finally {
    await connection.close();
  }
}

/** Runs an after-suite check and writes its outcome where scripts/test-summary.mjs counts it. */
async function afterSuiteCheck(name, file, check) {
  const problems = await check().catch((error) => {
    console.log(`${name} after the suite failed to run: ${error.stack ?? error}`);
    return 1;
  });
  mkdirSync('.data', { recursive: true });
  writeFileSync(file, JSON.stringify({ problems }));
}

export default async function globalTeardown() {
  const stack = globalThis.__tenggatStack;
  if (!stack) return;
  try {
    // Only a whole run says something about every complaint; a run of a few files checks nothing.
    if (process.env.TENGGAT_OPS_CHECK === '1') {
      await afterSuiteCheck('operator check', '.data/ops-check.json', checkEveryComplaintAccountedFor);
      await afterSuiteCheck('history scan', '.data/history-scan.json', scanEveryHistoryForReadableReporterText);
    }
  } finally {
    await stack.tearDown();
  }
}
