// Drives complaints through the API the way officers and reporters do.
import request from 'supertest';
import { saveHistory } from '../../scripts/record-history.js';
import { complaintWorkflowId, type ComplaintStatus } from '../../workflows/messages.js';
import { complaintBody, eventually, type TestApp } from './app.js';

export class ComplaintDriver {
  constructor(private readonly t: TestApp) {}

  async submit(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await request(this.t.http).post('/v1/complaints').send(complaintBody(overrides)).expect(201);
    return res.body.trackingId as string;
  }

  /** POSTs an action and expects `status`; answers the body (the process status on 200). */
  async act(trackingId: string, action: string, body: Record<string, unknown>, status = 200) {
    const res = await request(this.t.http).post(`/v1/complaints/${trackingId}/${action}`).send(body);
    if (res.status !== status) throw new Error(`${action} answered ${res.status}, expected ${status}: ${JSON.stringify(res.body)}`);
    return res.body as ComplaintStatus & { message?: string; state?: string; allowedActions?: string[] };
  }

  async status(trackingId: string): Promise<ComplaintStatus> {
    const res = await request(this.t.http).get(`/v1/complaints/${trackingId}`).expect(200);
    return res.body.process as ComplaintStatus;
  }

  row(trackingId: string) {
    return this.t.prisma.complaint.findUniqueOrThrow({ where: { trackingId }, include: { events: { orderBy: { seq: 'asc' } } } });
  }

  escalations(trackingId: string) {
    return this.t.prisma.escalation.findMany({ where: { complaint: { trackingId } }, orderBy: [{ firedAt: 'asc' }, { level: 'asc' }] });
  }

  /** With RECORD_HISTORIES=1, saves this complaint's history as a replay fixture of the path. */
  recordHistory(trackingId: string, path: string): void {
    if (process.env.RECORD_HISTORIES === '1') saveHistory(complaintWorkflowId(trackingId), path);
  }

  handle(trackingId: string) {
    return this.t.temporal.workflow.getHandle(complaintWorkflowId(trackingId));
  }

  /** Waits until the workflow's status satisfies `accept`. */
  until(trackingId: string, accept: (s: ComplaintStatus) => boolean, timeoutMs = 20_000) {
    return eventually(async () => {
      const s = await this.handle(trackingId).query<ComplaintStatus>('status');
      return accept(s) ? s : undefined;
    }, timeoutMs);
  }
}
