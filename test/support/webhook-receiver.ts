// A local HTTP endpoint standing in for a webhook receiver (an agency's system, the SMS gateway): tests
// decide how it answers each POST and read what it got.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { freePort } from './stack.js';

/** One POST as the receiver saw it: its whole body as sent, and its headers. */
export interface ReceivedPost {
  raw: string;
  headers: IncomingHttpHeaders;
}

export abstract class WebhookReceiver {
  private server?: Server;
  url = '';

  constructor(private readonly path: string) {}

  /** The status to answer this POST with (the subclass records what it needs). */
  protected abstract answer(post: ReceivedPost): number | Promise<number>;

  async start(): Promise<void> {
    const port = await freePort();
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        void Promise.resolve(this.answer({ raw, headers: req.headers })).then((status) => res.writeHead(status).end());
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${port}${this.path}`;
  }

  stop(): Promise<unknown> {
    return new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}
