// The closing line of a test run, "N passed, N failed": jest's results (the suite, then the fault suite)
// plus the operator check that runs after the suite (test/global-teardown.mjs), which counts as one more test.
import { existsSync, readFileSync } from 'node:fs';

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
const check = read('.data/ops-check.json');
if (check) {
  if (check.problems === 0) passed += 1;
  else failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
