// The fault suite (npm run test:faults): one scenario at a time, each owning the servers it hurts.
import base from './jest.config.js';

export default {
  ...base,
  testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
  testPathIgnorePatterns: [],
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 420_000,
  maxWorkers: 1,
};
