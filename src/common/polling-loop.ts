import type { Logger } from '@nestjs/common';

/**
 * Background work a process repeats every `intervalMs` until it stops: one round at a time, a failed
 * round logged and tried again, and a round that says more is waiting followed at once. Stopping waits
 * for the round in progress.
 */
export class PollingLoop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    private readonly what: string,
    private readonly round: () => Promise<{ moreWaiting: boolean }>,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.schedule(this.intervalMs);
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
      this.running = this.round()
        .then(({ moreWaiting }) => {
          if (moreWaiting) next = 0;
        })
        .catch((error: Error) => this.logger.warn(`${this.what} failed, trying again: ${error.message.split('\n')[0]}`))
        .finally(() => this.schedule(next));
    }, delayMs);
  }
}
