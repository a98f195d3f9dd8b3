// Small statistics for the bench report.
import { readFileSync } from 'node:fs';

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? NaN };
}

export const round = (n: number, digits = 1): number => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);

/** Resident memory of a process in MB, read from /proc (Linux); null where unavailable. */
export function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kb) ? round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/** Runs `task` for each item with at most `concurrency` in flight. */
export async function pool<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}

export interface OpenLoadResult {
  latenciesMs: number[];
  sent: number;
  errors: number;
  achievedPerSecond: number;
}

/**
 * Open-model load: requests leave at fixed intervals (`rate` per second) whether or not earlier
 * ones have answered, so a slow server shows as latency instead of silently lowering the load.
 */
export async function openLoad(rate: number, seconds: number, send: (i: number) => Promise<Response>): Promise<OpenLoadResult> {
  const latenciesMs: number[] = [];
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const total = Math.round(rate * seconds);
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const sentAt = performance.now();
    inFlight.push(
      send(i).then(
        async (res) => {
          await res.arrayBuffer();
          if (res.ok) latenciesMs.push(performance.now() - sentAt);
          else errors += 1;
        },
        () => {
          errors += 1;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  return { latenciesMs, sent: total, errors, achievedPerSecond: latenciesMs.length / ((performance.now() - t0) / 1000) };
}
