// The console's first load stays light: the JavaScript index.html loads (its module scripts and
// module preloads), gzip-compressed as a server sends it, is at most 300 kB. Needs `npm run build`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONSOLE_BUILD_DIR } from '../../src/console/console.module.js';

const BUDGET_BYTES = 300 * 1024;

/** The JS files the browser fetches before the console can run: scripts and module preloads of index.html. */
function firstLoadScripts(indexHtml: string): string[] {
  const scripts = [...indexHtml.matchAll(/<script[^>]+src="\/console\/([^"]+\.js)"/g)].map((m) => m[1]);
  const preloads = [...indexHtml.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/console\/([^"]+\.js)"/g)].map((m) => m[1]);
  return [...new Set([...scripts, ...preloads])];
}

describe('console first load', () => {
  it('loads at most 300 kB of gzip-compressed JavaScript', () => {
    const index = join(CONSOLE_BUILD_DIR, 'index.html');
    if (!existsSync(index)) throw new Error(`${index} is missing: npm run build builds the console`);
    const files = firstLoadScripts(readFileSync(index, 'utf8'));
    expect(files.length).toBeGreaterThan(0);
    const gzipped = files.map((file) => gzipSync(readFileSync(join(CONSOLE_BUILD_DIR, file))).length);
    const total = gzipped.reduce((a, b) => a + b, 0);
    console.log(`console first load: ${files.join(', ')} = ${(total / 1024).toFixed(1)} kB gzip`);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
