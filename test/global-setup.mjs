// Jest loads global setup outside its module system, so this file is plain JS over the compiled
// test stack (dist/, built by `npm test` first).
import { setUpStack } from '../dist/test/support/stack.js';

export default async function globalSetup() {
  globalThis.__tenggatStack = await setUpStack();
}
