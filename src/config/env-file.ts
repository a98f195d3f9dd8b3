import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/**
 * Adds the KEY=value lines of `file` (Node's own .env parser) to `env`, for keys `env` does not have:
 * the real environment wins, so `PORT=4000 npm start` beats a PORT in .env. A missing file adds nothing.
 * Returns the names it added (never the values: .env holds secrets).
 */
export function loadEnvFileIfExists(file: string, env: NodeJS.ProcessEnv = process.env): string[] {
  if (!existsSync(file)) return [];
  const added: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (env[name] !== undefined || value === undefined) continue;
    env[name] = value;
    added.push(name);
  }
  return added.sort();
}
