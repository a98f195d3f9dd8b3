import { JwtService } from '@nestjs/jwt';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import type { AuditHistoryView } from '../../src/audit/audit-history.dto.js';
import { hashSecret } from '../../src/auth/passwords.js';
import { AppConfig } from '../../src/config/app-config.js';
import type { Role } from '../../src/generated/prisma/enums.js';
import { retryServiceErrors } from '../../src/temporal/retry-service-errors.js';
import { ACTION_UPDATES, complaintWorkflowId } from '../../workflows/messages.js';
import { complaintBody, createAgencies, createTestApp, eventually, type TestApp } from '../support/app.js';

const TEMPORAL_UI = 'http://temporal-ui.test:8233';

const planned_ = (steps: AuditHistoryView['steps']) => steps.filter((s) => s.kind === 'local-activity' && s.detail.activityType === 'planDeadline');
const FORMULA = '=HYPERLINK("http://evil.example","x")';

/**
 * A complaint whose verification deadline (PT2S policy) breaches and climbs the whole ladder, then is
 * verified; a history limit of 10 events makes the workflow continue as new, so the history spans runs.
 */
describe('auditor history: GET /v1/audit/complaints/:trackingId/history', () => {
  let t: TestApp;
  let auditor: string;
  let trackingId: string;
  let agencyId: string;
  const reporter = complaintBody().reporter as Record<string, string>;

  /** An officer created directly in PostgreSQL, with a token signed by the app (independent of the login API). */
  async function tokenFor(role: Role, agency: string | null = null): Promise<string> {
    const id = `usr-${role.toLowerCase()}-${randomBytes(3).toString('hex')}`;
    await t.prisma.user.create({
      data: { id, username: id, passwordHash: await hashSecret('pw'), displayName: `Test ${role}`, role, agencyId: agency, unitId: null },
    });
    return t.app.get(JwtService).signAsync({ sub: id, role });
  }

  const history = (id: string, token: string | undefined, query = '') => {
    const req = request(t.http).get(`/v1/audit/complaints/${id}/history${query}`);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };

  beforeAll(async () => {
    t = await createTestApp({
      SLA_POLICY_FILE: 'test/fixtures/sla-policy-seconds.json',
      WORKFLOW_HISTORY_LIMIT: '10',
      TEMPORAL_UI_URL: TEMPORAL_UI,
    });
    agencyId = (await createAgencies(t.prisma)).jakarta.id;
    auditor = await tokenFor('AUDITOR');
    // The verification ladder's receivers (national): with them, no escalation is rerouted to the national admin.
    for (const role of ['SUPERVISOR', 'COMPLAINT_MANAGER', 'OMBUDSMAN'] as const) await tokenFor(role);

    const { body } = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    trackingId = body.trackingId;
    // Reminder at 1 s, breach (level 1) at 2 s, level 2 at 4 s, level 3 at 6 s; then the clocks are idle.
    await eventually(async () => ((await t.prisma.escalation.count({ where: { complaint: { trackingId } } })) === 3 ? true : undefined), 30_000);
    const updateId = randomUUID();
    await retryServiceErrors(() =>
      t.temporal.workflow.getHandle(complaintWorkflowId(trackingId)).executeUpdate(ACTION_UPDATES.verify, {
        updateId,
        args: [{ actor: { id: 'usr-verifier-x', role: 'VERIFIER' }, agencyId, complexity: 'SIMPLE' }],
      }),
    );
    await t.prisma.auditLog.createMany({
      data: [
        {
          actorId: 'usr-admin-y',
          actorRole: 'AGENCY_ADMIN',
          action: 'REPORTER_IDENTITY_VIEWED',
          trackingId,
          method: 'GET',
          path: `/v1/complaints/${trackingId}/reporter`,
          statusCode: 200,
          requestId: 'req-identity-1',
        },
        { actorId: FORMULA, actorRole: 'SYSADMIN', action: 'probe', trackingId, method: 'POST', path: '/v1/probe', statusCode: 403 },
      ],
    });
  }, 60_000);
  afterAll(() => t.close());

  it('decodes every run of the workflow into readable steps, merged with the API audit log in time order', async () => {
    const res = await history(trackingId, auditor).expect(200);
    const view = res.body as AuditHistoryView;
    const namespace = t.app.get(AppConfig).temporalNamespace;
    expect(view).toMatchObject({
      trackingId,
      workflowId: complaintWorkflowId(trackingId),
      status: 'DISPOSED',
      workflowStatus: 'RUNNING',
      temporalUiUrl: `${TEMPORAL_UI}/namespaces/${namespace}/workflows/${complaintWorkflowId(trackingId)}`,
    });
    expect(view.runIds.length).toBeGreaterThanOrEqual(2);

    const steps = view.steps;
    const of = (kind: string) => steps.filter((s) => s.kind === kind);
    for (const step of steps) {
      expect(Object.keys(step).sort()).toEqual(['actorId', 'actorRole', 'at', 'detail', 'kind', 'source', 'summary']);
      expect(step).toMatchObject({
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        source: expect.stringMatching(/^(workflow|api)$/),
        kind: expect.any(String),
        summary: expect.stringMatching(/\.$/),
        detail: expect.any(Object),
      });
      expect([typeof step.actorId, typeof step.actorRole]).toEqual(step.actorId === null ? ['object', 'object'] : ['string', 'string']);
    }
    const times = steps.map((s) => Date.parse(s.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    expect(steps[0]).toMatchObject({ source: 'workflow', kind: 'workflow-started', detail: { channel: 'WEB', classification: 'COMPLAINT' } });
    expect(steps[0].detail.policyVersion).toEqual(expect.any(String));
    expect(steps[0].summary).toContain(`SLA policy ${String(steps[0].detail.policyVersion)}`);

    // A run per continue-as-new, each announced by the run before it.
    expect(of('continued-as-new')).toHaveLength(view.runIds.length - 1);
    expect(of('run-started').map((s) => s.detail.runId)).toEqual(view.runIds.slice(1));

    const verify = of('update');
    expect(verify).toHaveLength(1);
    expect(verify[0]).toMatchObject({
      actorId: 'usr-verifier-x',
      actorRole: 'VERIFIER',
      detail: { update: 'verify', agencyId, complexity: 'SIMPLE' },
    });
    expect(verify[0].summary).toBe(`VERIFIER usr-verifier-x verified the complaint and disposed it to an agency (agencyId: ${agencyId}, complexity: SIMPLE).`);
    expect(verify[0].detail).not.toHaveProperty('actor');

    const timers = of('timer-started');
    expect(timers.length).toBeGreaterThanOrEqual(3);
    expect(Date.parse(String(timers[0].detail.firesAt))).toBeGreaterThan(Date.parse(timers[0].at));
    expect(timers[0].detail.duration).toMatch(/^PT/);
    expect(of('timer-fired').length).toBeGreaterThanOrEqual(3);
    // Each timer says what it waits for, and its firing says what came due.
    const verificationDue = String(planned_(steps)[0].detail.dueAt);
    expect(timers[0].summary).toMatch(/^Timer \d+ waits for the reminder that the verification deadline \(national\) is due /);
    const breachFired = of('timer-fired').find((s) => s.summary.endsWith(`: the verification deadline (national) due ${verificationDue} came due.`));
    expect(breachFired?.summary).toMatch(/^Timer \d+ fired \(started .+ for .+\): the verification/);
    expect(of('timer-fired').some((s) => /escalation level 2 of the verification deadline \(national\) to COMPLAINT_MANAGER \(national\) came due\.$/.test(s.summary))).toBe(true);
    // The breach reads as what it is: which stage, due when, noticed when, who had to act, why that instant, and the ladder.
    const breach = steps.find((s) => s.detail.transition === 'DEADLINE_BREACHED')!;
    expect(breach.summary).toMatch(
      new RegExp(`^Local activity projectTransition completed: the verification deadline \\(national\\) was breached: due ${verificationDue.replace(/[.+]/g, '\\$&')}, noticed .+; VERIFIER had to act; why that instant: PT2S \\(exact duration\\) from .+ in Asia/Jakarta, 0 day\\(s\\) skipped; its ladder: level 1 at .+, level 2 at .+, level 3 at .+ \\(event \\d+ in the read model, status SUBMITTED\\)\\.$`),
    );
    // Every planned deadline names its stage.
    for (const plan of planned_(steps)) expect(plan.summary).toMatch(/: the (verification|assignment|first follow-up|resolution) deadline \(clock [a-zA-Z]+-\d+\) due /);

    // Local activities: the deadline planned (its due instant from the result) and the three escalations.
    const local = of('local-activity');
    const planned = local.filter((s) => s.detail.activityType === 'planDeadline');
    expect(planned.length).toBeGreaterThanOrEqual(2);
    expect(planned[0].summary).toContain(`due ${String(planned[0].detail.dueAt)}`);
    const escalations = local.filter((s) => s.detail.activityType === 'recordEscalation');
    expect(escalations.map((s) => [s.detail.level, s.detail.receiverRole])).toEqual([
      [1, 'SUPERVISOR'],
      [2, 'COMPLAINT_MANAGER'],
      [3, 'OMBUDSMAN'],
    ]);
    expect(local.some((s) => s.detail.activityType === 'notify')).toBe(true);
    expect(local.some((s) => s.detail.activityType === 'projectTransition')).toBe(true);
    expect(of('search-attributes').some((s) => s.detail.ComplaintStatus === 'DISPOSED')).toBe(true);

    const api = steps.filter((s) => s.source === 'api');
    expect(api.map((s) => s.kind)).toEqual(['REPORTER_IDENTITY_VIEWED', 'probe']);
    expect(api[0]).toMatchObject({
      actorId: 'usr-admin-y',
      actorRole: 'AGENCY_ADMIN',
      summary: `AGENCY_ADMIN usr-admin-y viewed the reporter's identity (GET /v1/complaints/${trackingId}/reporter, answered 200).`,
      detail: { method: 'GET', statusCode: 200, requestId: 'req-identity-1' },
    });
    // The API entries were written after the verify Update, so they come after it.
    expect(steps.indexOf(api[0])).toBeGreaterThan(steps.indexOf(verify[0]));

    for (const value of Object.values(reporter)) expect(res.text).not.toContain(value);
  });

  it('answers the same steps as a CSV attachment, with formula-like cells neutralised', async () => {
    const res = await history(trackingId, auditor, '?format=csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="complaint-${trackingId}-history.csv"`);
    const csv = res.text;
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('at,source,kind,actor_id,actor_role,summary,detail');
    expect(lines.length).toBeGreaterThan(20);
    expect(lines[1]).toMatch(/^\d{4}-[^,]+Z,workflow,workflow-started,,,"The complaint workflow started/);
    expect(csv).toContain(',workflow,update,usr-verifier-x,VERIFIER,"VERIFIER usr-verifier-x verified the complaint');
    expect(csv).toContain(`,api,REPORTER_IDENTITY_VIEWED,usr-admin-y,AGENCY_ADMIN,"AGENCY_ADMIN usr-admin-y viewed the reporter's identity (GET`);

    const probe = lines.find((l) => l.includes(',api,probe,'))!;
    expect(probe).toContain(`,api,probe,"'=HYPERLINK(""http://evil.example"",""x"")",SYSADMIN,`);
    for (const line of lines) expect(line).not.toMatch(/(^|,)"?[=+@]/);

    for (const value of Object.values(reporter)) expect(csv).not.toContain(value);
  });

  it('refuses a format other than json or csv, naming the field', async () => {
    const res = await history(trackingId, auditor, '?format=xml').expect(400);
    expect(JSON.stringify(res.body.message)).toContain('format');
  });

  it('is for auditors and system administrators only', async () => {
    expect((await history(trackingId, undefined)).status).toBe(401);
    const liaison = await history(trackingId, await tokenFor('LIAISON', agencyId));
    expect(liaison.status).toBe(403);
    expect(liaison.text).not.toContain('usr-verifier-x');
    expect((await history(trackingId, await tokenFor('SYSADMIN'))).status).toBe(200);
  });

  it('answers 404 for an unknown tracking ID', async () => {
    const res = await history('LPR-0000-0000', auditor).expect(404);
    expect(res.body.message).toBe('complaint LPR-0000-0000 not found');
  });

  it('documents the endpoint in OpenAPI under the audit tag', async () => {
    const doc = (await request(t.http).get('/openapi.json').expect(200)).body;
    const operation = doc.paths['/v1/audit/complaints/{trackingId}/history'].get;
    expect(operation.tags).toEqual(['audit']);
    expect(Object.keys(operation.responses[200].content)).toEqual(['application/json', 'text/csv']);
    expect(doc.components.schemas.AuditHistoryView.properties.steps).toBeDefined();
  });
});
