// Slowing down guesses at one credential (an account's password, a complaint's access code), whoever
// and wherever they come from. Every try counts as a failure until it succeeds; after `freeAttempts`
// consecutive failures each further try waits, the wait doubling from 1 s up to a cap. The state lives
// in PostgreSQL (credential_throttles), shared by every API replica, and each try is claimed under a
// row lock, so a burst of parallel guesses gets no more tries than a patient guesser.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';

export interface ThrottlePolicy {
  freeAttempts: number;
  maxDelaySeconds: number;
}

/** A failure streak older than this starts over. */
export const STREAK_LIFETIME_MS = 24 * 3600_000;
/** How often a process clears streaks past their lifetime. */
const SWEEP_EVERY_MS = 10 * 60_000;

/** The wait imposed after `failures` consecutive failures: none for the free ones, then 1 s, 2 s, 4 s … up to the cap. */
export function waitAfterMs(failures: number, { freeAttempts, maxDelaySeconds }: ThrottlePolicy): number {
  if (failures < freeAttempts) return 0;
  return Math.min(2 ** (failures - freeAttempts), maxDelaySeconds) * 1000;
}

/** A try that may go ahead (counted as the `failures`-th failure until it succeeds), or how long to wait. */
export type Claim = { allowed: true; failures: number } | { allowed: false; retryAfterSeconds: number };

@Injectable()
export class CredentialThrottles {
  private lastSweep = 0;

  constructor(private readonly prisma: PrismaService) {}

  /** Claims one try at `key`: refused while a wait runs; otherwise counted, and the next wait armed. */
  claim(key: string, policy: ThrottlePolicy): Promise<Claim> {
    this.sweepInBackground();
    return this.prisma.$transaction(async (tx) => {
      // One statement creates the row or locks the existing one: a separate insert-if-missing and SELECT … FOR
      // UPDATE let a parallel success delete the row in between (a 500 on parallel sign-ins of one officer).
      // A first try is never waited for ('epoch': the column's millisecond rounding could put "now" ahead of now).
      const [row] = await tx.$queryRaw<{ failures: number; next_attempt_at: Date; last_failure_at: Date | null; now: Date }[]>`
        INSERT INTO credential_throttles (key, next_attempt_at) VALUES (${key}, 'epoch')
        ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key
        RETURNING failures, next_attempt_at, last_failure_at, clock_timestamp() AS now`;
      const now = row.now.getTime();
      if (now < row.next_attempt_at.getTime()) return { allowed: false, retryAfterSeconds: Math.ceil((row.next_attempt_at.getTime() - now) / 1000) };
      const expired = !row.last_failure_at || now - row.last_failure_at.getTime() > STREAK_LIFETIME_MS;
      const failures = (expired ? 0 : row.failures) + 1;
      // The clock is read after the lock (clock_timestamp, not the transaction's start), and a try within
      // the free ones arms no wait: tries queued behind this one are judged by when they get their turn.
      const wait = waitAfterMs(failures, policy);
      const next = wait > 0 ? new Date(now + wait) : row.next_attempt_at;
      await tx.$executeRaw`
        UPDATE credential_throttles SET failures = ${failures}, last_failure_at = ${row.now}, next_attempt_at = ${next} WHERE key = ${key}`;
      return { allowed: true, failures };
    });
  }

  /** The try succeeded: the streak ends. */
  async succeeded(key: string): Promise<void> {
    await this.prisma.credentialThrottle.deleteMany({ where: { key } });
  }

  /** Streaks past their lifetime and waits long over go, so guessed-at names do not pile up. */
  private sweepInBackground(): void {
    if (Date.now() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = Date.now();
    const before = new Date(Date.now() - STREAK_LIFETIME_MS);
    void this.prisma.credentialThrottle.deleteMany({ where: { lastFailureAt: { lt: before }, nextAttemptAt: { lt: new Date() } } }).catch(() => undefined);
  }
}
