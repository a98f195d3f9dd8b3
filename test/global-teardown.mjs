export default async function globalTeardown() {
  await globalThis.__tenggatStack?.tearDown();
}
