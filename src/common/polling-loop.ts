import type { Logger } from '@nestjs/common';

/**
 * Background work a process repeats every `intervalMs` until it stops: one round at a time, a failed
 * round logged and tried again, and a round that says more is waiting followed at once. `wake()` starts a
 * round now instead of at the next interval (or, during a round, right after it). Stopping waits for the
 * round in progress.
 */
export class PollingLoop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private started = false;
  private stopped = false;
  private inRound = false;
  private wakeRequested = false;

  constructor(
    private readonly what: string,
    private readonly round: () => Promise<{ moreWaiting: boolean }>,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.started = true;
    this.schedule(this.intervalMs);
  }

  /** Something is waiting: the next round goes at once, without waiting for the interval. */
  wake(): void {
    if (!this.started || this.stopped) return;
    if (this.inRound) {
      this.wakeRequested = true;
      return;
    }
    clearTimeout(this.timer);
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      let next = this.intervalMs;
      this.inRound = true;
      this.wakeRequested = false;
      this.running = this.round()
        .then(({ moreWaiting }) => {
          if (moreWaiting) next = 0;
        })
        .catch((error: Error) => this.logger.warn(`${this.what} failed, trying again: ${error.message.split('\n')[0]}`))
        .finally(() => {
          this.inRound = false;
          this.schedule(this.wakeRequested ? 0 : next);
        });
    }, delayMs);
  }
}
