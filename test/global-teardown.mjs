// After the whole suite, while the stack still runs: the operator check must find every complaint
// accounted for (npm run ops:check). Its outcome counts as one test (scripts/test-summary.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { prismaAdapter } from '../dist/src/database/database-url.js';
import { PrismaClient } from '../dist/src/generated/prisma/client.js';
import { formatReport, operatorCheck, problemCount } from '../dist/scripts/ops-check.js';

async function checkEveryComplaintAccountedFor() {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  const prisma = new PrismaClient({ adapter: prismaAdapter(process.env.DATABASE_URL, 4) });
  try {
    const report = await operatorCheck(new Client({ connection }), prisma, {
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

export default async function globalTeardown() {
  const stack = globalThis.__tenggatStack;
  if (!stack) return;
  try {
    // Only a whole run says something about every complaint; a run of a few files checks nothing.
    if (process.env.TENGGAT_OPS_CHECK === '1') {
      const problems = await checkEveryComplaintAccountedFor().catch((error) => {
        console.log(`operator check after the suite failed to run: ${error.stack ?? error}`);
        return 1;
      });
      mkdirSync('.data', { recursive: true });
      writeFileSync('.data/ops-check.json', JSON.stringify({ problems }));
    }
  } finally {
    await stack.tearDown();
  }
}
