import request from 'supertest';
import { createTestApp, eventually, type TestApp } from '../support/app.js';
import { ComplaintDriver, driverFor } from '../support/lifecycle.js';

/** Timers started after an event of the history (ignoring the clarification's own hour-long clock). */
async function timersStartedAfter(c: ComplaintDriver, trackingId: string, afterEventId: number) {
  const history = await c.handle(trackingId).fetchHistory();
  return history.events!.filter((e) => Number(e.eventId) > afterEventId && e.timerStartedEventAttributes);
}

/** A clock paused while the complaint waits on the reporter: its ladder pauses, and its explanation keeps everything. */
describe('clocks across a clarification pause', () => {
  describe('with a PT2S verification clock and a ladder in seconds', () => {
    let t: TestApp;
    let c: ComplaintDriver;
    beforeAll(async () => {
      t = await createTestApp({ SLA_POLICY_FILE: 'test/fixtures/sla-policy-seconds.json' });
      c = await driverFor(t);
    });
    afterAll(() => t.close());

    it('pauses a breached clock’s ladder while the complaint waits on the reporter, and climbs it after the answer', async () => {
      const id = await c.submit();
      const [first] = await c.escalationsReach(id, 1);
      expect(first.level).toBe(1);
      const paused = await c.act(id, 'request-clarification', { question: 'Kelurahan mana?' });
      expect(paused.deadlines.find((d) => d.stage === 'verification')).toMatchObject({ breached: true, paused: true });
      const pausedAt = Number((await c.handle(id).fetchHistory()).events!.at(-1)!.eventId);
      // Past the instant level 2 would have fired (2 s after the breach), the workflow waits only on the reporter's clock.
      await eventually(async () => (Date.now() > Date.parse(first.dueAt.toISOString()) + 3000 ? true : undefined), 10_000);
      const waiting = await c.status(id);
      expect(waiting.deadlines.find((d) => d.stage === 'verification')).toMatchObject({ paused: true });
      const timers = await timersStartedAfter(c, id, pausedAt);
      for (const timer of timers) expect(Number(timer.timerStartedEventAttributes!.startToFireTimeout!.seconds)).toBeGreaterThan(60);
      expect((await c.escalations(id)).map((e) => e.level)).toEqual([1]);

      const resumed = await c.act(id, 'provide-clarification', { answer: 'Kelurahan Sukajadi.' });
      const clock = resumed.deadlines.find((d) => d.stage === 'verification')!;
      expect(clock).toMatchObject({ breached: true, paused: false });
      const rows = await c.escalationsReach(id, 2);
      expect(rows.map((e) => e.level)).toEqual([1, 2]);
      // Level 2 keeps its distance from the breach in running time: the pause was given back.
      const pause = clock.explanation.pauses?.[0];
      expect(pause).toBeDefined();
      expect(rows[1].firedAt.getTime()).toBeGreaterThanOrEqual(first.dueAt.getTime() + 2000 + (Date.parse(pause!.to) - Date.parse(pause!.from)) - 50);
      c.recordHistory(id, 'breached-ladder-paused-for-clarification');
    });

    it('climbs the ladder from level 1 again when an extended clock breaches again', async () => {
      const id = await c.submit();
      const [first] = await c.escalationsReach(id, 1);
      const supervisor = c.officers.nationalSupervision.SUPERVISOR;
      await request(t.http)
        .post(`/v1/complaints/${id}/extend-deadline`)
        .set(supervisor.auth)
        .send({ stage: 'verification', extra: { duration: 'PT3S' }, reason: 'Verifikator sakit' })
        .expect(200);
      const rows = await c.escalationsReach(id, 2);
      expect(rows.slice(0, 2).map((e) => [e.level, e.receiverRole])).toEqual([
        [1, 'SUPERVISOR'],
        [1, 'SUPERVISOR'],
      ]);
      expect(rows[1].key).not.toBe(first.key);
      expect(rows[1].dueAt.getTime()).toBe(first.dueAt.getTime() + 3000);
      c.recordHistory(id, 'extended-after-breach-climbs-again');
    });
  });

  describe('with an hour-long verification clock', () => {
    let t: TestApp;
    let c: ComplaintDriver;
    beforeAll(async () => {
      t = await createTestApp({ SLA_POLICY_FILE: 'test/fixtures/sla-policy-reporter-seconds.json' });
      c = await driverFor(t);
    });
    afterAll(() => t.close());

    it('keeps the start, rule, extension (who approved it and why) and each pause in the explanation, and the extension cap, after a resume', async () => {
      const id = await c.submit();
      const submitted = await c.until(id, (s) => s.deadlines.length > 0);
      const supervisor = c.officers.nationalSupervision.SUPERVISOR;
      const extend = (extra: Record<string, unknown>) =>
        request(t.http).post(`/v1/complaints/${id}/extend-deadline`).set(supervisor.auth).send({ stage: 'verification', extra, reason: 'Menunggu data kelurahan' });
      await extend({ duration: 'PT30M' }).expect(200);
      await c.act(id, 'request-clarification', { question: 'RT/RW berapa?' });
      await new Promise((r) => setTimeout(r, 1200));
      const resumed = await c.act(id, 'provide-clarification', { answer: 'RT 02 / RW 05.' });
      const { explanation, extensions, dueAt } = resumed.deadlines.find((d) => d.stage === 'verification')!;
      const before = submitted.deadlines[0];
      expect(explanation.startAt).toBe(before.explanation.startAt);
      expect(extensions).toBe(1);
      expect(explanation.rule).toBe(`PT1H (exact duration), then extended by PT30M (exact duration) (extension approved by ${supervisor.id}: Menunggu data kelurahan)`);
      expect(explanation.pauses).toEqual([
        {
          from: expect.any(String),
          to: expect.any(String),
          // Worded by the API from the pause's data (what was left), in the request's language.
          remained: expect.stringMatching(/^PT\d+(\.\d+)?S \(exact duration\), then PT30M/),
        },
      ]);
      const paused = Date.parse(explanation.pauses![0].to) - Date.parse(explanation.pauses![0].from);
      expect(Date.parse(dueAt) - Date.parse(before.dueAt)).toBe(30 * 60_000 + paused);
      // The cap (one extension per stage) survives the pause.
      const refused = await extend({ duration: 'PT10M' }).expect(400);
      expect(refused.body.message).toMatch(/already extended 1 time\(s\); the policy allows 1/);
      expect((await c.status(id)).deadlines.find((d) => d.stage === 'verification')!.extensions).toBe(1);
      c.recordHistory(id, 'extended-then-paused-for-clarification');
    });
  });
});
