// The closing line of a test run, "N passed, N failed": jest's results (the suite, then the fault suite)
// plus the checks that run after the suite (test/global-teardown.mjs), each counting as one more test.
import { existsSync, readFileSync } from 'node:fs';

/** The operator check, and the scan of every workflow history for reporter text readable in Temporal. */
export const AFTER_SUITE_CHECKS = ['.data/ops-check.json', '.data/history-scan.json'];

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const jest = read('.data/jest-results.json');
if (!jest) {
  console.log('0 passed, 1 failed');
  process.exit(0);
}
let passed = jest.numPassedTests;
let failed = jest.numFailedTests + jest.numRuntimeErrorTestSuites;
const faults = read('.data/jest-faults-results.json');
if (faults) {
  passed += faults.numPassedTests;
  failed += faults.numFailedTests + faults.numRuntimeErrorTestSuites;
}
for (const file of AFTER_SUITE_CHECKS) {
  const check = read(file);
  if (!check) continue;
  if (check.problems === 0) passed += 1;
  else failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
