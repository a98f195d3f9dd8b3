import type { Logger } from '@nestjs/common';
import pg from 'pg';
import { parseDatabaseUrl } from '../database/database-url.js';

/** The channel the notifications table's insert trigger NOTIFYs, with its schema as payload (its migration: added_outbox_wakeup_notify). */
export const OUTBOX_CHANNEL = 'tenggat_outbox';
const RECONNECT_MS = 5000;
/** A connection that cannot be opened, or that went silent (TCP keepalive probes from then on), counts as lost this soon. */
const CONNECT_TIMEOUT_MS = 5000;
const KEEPALIVE_DELAY_MS = 10_000;
/** Stopping does not wait longer than this for the server to acknowledge the connection's end. */
const END_WAIT_MS = 1000;

/** The listening connection's application_name in pg_stat_activity (PostgreSQL keeps 63 bytes of it). */
export function outboxListenerName(schema: string): string {
  return `tenggat outbox wake-ups ${schema}`.slice(0, 63);
}

/**
 * LISTENs on a connection of its own for the outbox trigger's NOTIFY and calls `onWake` when rows of its
 * schema were committed. A lost connection is opened again every 5 s; each time it listens (again) it calls
 * `onWake` too, for rows committed while nobody listened. Wake-ups only hurry the dispatcher: its poll
 * still finds every row without them (behind a pooler that cannot LISTEN, say).
 */
export class OutboxWakeups {
  private client?: pg.Client;
  private retry?: NodeJS.Timeout;
  private stopped = false;
  private failing = false;
  private markListening!: () => void;
  /** Settles once this process first listens (tests wait for it). */
  readonly listening = new Promise<void>((resolve) => (this.markListening = resolve));
  private readonly connectionString: string;
  private readonly schema: string;

  constructor(
    databaseUrl: string,
    private readonly onWake: () => void,
    private readonly logger: Logger,
  ) {
    ({ connectionString: this.connectionString, schema: this.schema } = parseDatabaseUrl(databaseUrl));
  }

  start(): void {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([client.end().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, END_WAIT_MS)))]);
    clearTimeout(timer);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: outboxListenerName(this.schema),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
      keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
    });
    this.client = client;
    client.on('notification', ({ channel, payload }) => {
      if (channel === OUTBOX_CHANNEL && payload === this.schema) this.onWake();
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection closed')));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.client !== client) return;
    if (this.failing) this.logger.log('outbox wake-ups listening again');
    this.failing = false;
    this.markListening();
    this.onWake();
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.client !== client || this.stopped) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    if (!this.failing) this.logger.warn(`outbox wake-ups lost (${error.message.split('\n')[0]}): delivering at each poll until listening again`);
    this.failing = true;
    this.retry = setTimeout(() => void this.connect(), RECONNECT_MS);
  }
}
