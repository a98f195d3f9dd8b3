// Shutdown finishes within a bounded time whatever the workflows are doing: the worker drains for a grace
// period and is then forced down (WorkerService), and if anything else hangs, the process exits anyway.

/** How long a process may take to stop after SIGTERM or SIGINT before it is ended by force. */
export const SHUTDOWN_DEADLINE_MS = 30_000;

/** Arms a timer at the first SIGTERM/SIGINT that ends the process if a graceful stop takes too long. */
export function exitWithinDeadlineOnSignal(deadlineMs = SHUTDOWN_DEADLINE_MS): void {
  const arm = (signal: NodeJS.Signals) => {
    const timer = setTimeout(() => {
      console.error(`shutdown after ${signal} took longer than ${deadlineMs / 1000} s: exiting without waiting further`);
      process.exit(1);
    }, deadlineMs);
    timer.unref();
  };
  process.once('SIGTERM', arm);
  process.once('SIGINT', arm);
}
