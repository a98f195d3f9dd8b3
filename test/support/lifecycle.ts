// Drives complaints through the API the way officers and reporters do: officers with their bearer
// tokens (the one of the right role in the complaint's current agency), reporters with the access code.
import request from 'supertest';
import { saveHistory } from '../../scripts/record-history.js';
import type { Role } from '../../src/auth/officer.js';
import { complaintWorkflowId, type ComplaintStatus } from '../../workflows/messages.js';
import { complaintBody, eventually, type TestApp } from './app.js';
import { createOfficers, type Officers, type TestOfficer } from './officers.js';

/** Stands for "the liaison of the complaint's current agency" in an assign body. */
export const LIAISON = '<liaison of the complaint agency>';

const REPORTER_ACTIONS = ['provide-clarification', 'accept', 'dispute'];

/** The role that usually takes each action; `officerRole` in a body picks another. */
const USUAL_ROLE: Record<string, Role> = {
  verify: 'VERIFIER',
  'request-clarification': 'VERIFIER',
  archive: 'VERIFIER',
  assign: 'AGENCY_ADMIN',
  redirect: 'AGENCY_ADMIN',
  'follow-up': 'LIAISON',
  resolve: 'LIAISON',
  'extend-deadline': 'SUPERVISOR',
  'acknowledge-escalation': 'SUPERVISOR',
};

export type ActionAnswer = ComplaintStatus & { message?: string; state?: string; allowedActions?: string[] };

export class ComplaintDriver {
  private readonly accessCodes = new Map<string, string>();

  constructor(
    private readonly t: TestApp,
    readonly officers: Officers,
  ) {}

  async submit(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await request(this.t.http).post('/v1/complaints').send(complaintBody(overrides)).expect(201);
    this.accessCodes.set(res.body.trackingId, res.body.accessCode);
    return res.body.trackingId as string;
  }

  accessCode(trackingId: string): string {
    return this.accessCodes.get(trackingId)!;
  }

  /** The officer of `role` for the complaint's current agency. */
  async officer(trackingId: string, role: Role): Promise<TestOfficer> {
    const { agencyId } = await this.t.prisma.complaint.findUniqueOrThrow({ where: { trackingId }, select: { agencyId: true } });
    return this.officers.forRole(role, agencyId);
  }

  /** POSTs an action and expects `status`; answers the body (the process status on 200). */
  async act(trackingId: string, action: string, body: Record<string, unknown>, status = 200): Promise<ActionAnswer> {
    const res = REPORTER_ACTIONS.includes(action)
      ? await request(this.t.http).post(`/v1/track/${trackingId}/${action}`).set('X-Access-Code', this.accessCode(trackingId)).send(body)
      : await this.actAsOfficer(trackingId, action, body);
    if (res.status !== status) throw new Error(`${action} answered ${res.status}, expected ${status}: ${JSON.stringify(res.body)}`);
    return res.body as ActionAnswer;
  }

  private async actAsOfficer(trackingId: string, action: string, { officerRole, ...body }: Record<string, unknown>) {
    const officer = await this.officer(trackingId, (officerRole as Role | undefined) ?? USUAL_ROLE[action]);
    if (body.liaisonId === LIAISON) body.liaisonId = (await this.officer(trackingId, 'LIAISON')).id;
    return request(this.t.http).post(`/v1/complaints/${trackingId}/${action}`).set(officer.auth).send(body);
  }

  async status(trackingId: string): Promise<ComplaintStatus> {
    const res = await request(this.t.http).get(`/v1/complaints/${trackingId}`).set(this.officers.national.AUDITOR.auth).expect(200);
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

  /** Escalation rows not yet acknowledged, oldest first. */
  openEscalations(trackingId: string) {
    return this.t.prisma.escalation.findMany({ where: { complaint: { trackingId }, acknowledgedAt: null }, orderBy: [{ firedAt: 'asc' }, { level: 'asc' }] });
  }

  /** The test officer who receives an escalation: its role, for its agency (national roles and national escalations: the national officer). */
  receiverOf(escalation: { receiverRole: string; agencyId: string | null }): TestOfficer {
    return this.officers.forRole(escalation.receiverRole as Role, escalation.agencyId);
  }

  /** Acknowledges every open escalation of the complaint through the inbox endpoint, each by its receiver. */
  async acknowledgeAll(trackingId: string, comment = 'Diterima; ditindaklanjuti.'): Promise<number> {
    const open = await this.openEscalations(trackingId);
    for (const escalation of open) {
      const res = await request(this.t.http).post(`/v1/escalations/${escalation.id}/acknowledge`).set(this.receiverOf(escalation).auth).send({ comment });
      if (res.status !== 200) throw new Error(`acknowledging ${escalation.key} (${escalation.receiverRole}, ${escalation.agencyId}) answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    return open.length;
  }

  /** Waits until the complaint's workflow has completed in Temporal; answers its result. */
  async completed(trackingId: string, timeoutMs = 20_000): Promise<ComplaintStatus> {
    await eventually(async () => ((await this.handle(trackingId).describe()).status.name === 'COMPLETED' ? true : undefined), timeoutMs);
    return this.handle(trackingId).result() as Promise<ComplaintStatus>;
  }

  /** Waits until the complaint has `count` escalation rows. */
  escalationsReach(trackingId: string, count: number, timeoutMs = 30_000) {
    return eventually(async () => {
      const rows = await this.escalations(trackingId);
      return rows.length >= count ? rows : undefined;
    }, timeoutMs);
  }

  /** Waits until the workflow's status satisfies `accept`. */
  until(trackingId: string, accept: (s: ComplaintStatus) => boolean, timeoutMs = 20_000) {
    return eventually(async () => {
      const s = await this.handle(trackingId).query<ComplaintStatus>('status');
      return accept(s) ? s : undefined;
    }, timeoutMs);
  }
}

/** A driver with officers of every role for `agencies` (and the national roles). */
export async function driverFor(t: TestApp, agencies: Record<string, { id: string }> = {}): Promise<ComplaintDriver> {
  return new ComplaintDriver(t, await createOfficers(t, Object.values(agencies).map((a) => a.id)));
}
