import fc from 'fast-check';
import { CaseRefusal } from '../../workflows/lifecycle/rules.js';
import { ESCALATION_RECEIVER_ROLES } from '../../workflows/lifecycle/ladder.js';
import type { ActionInputs } from '../../workflows/lifecycle/types.js';
import { ACTION_NAMES, COMPLAINT_STATES, ILLEGAL_TRANSITION, INVALID_ACTION, type ComplaintAction, type ComplaintState } from '../../workflows/lifecycle/vocabulary.js';
import { CaseHarness, officer, policyFrom } from '../support/case-harness.js';

const DEFAULT_POLICY = policyFrom('config/sla-policy.json', '2026.2');
const REPORTER = { id: 'reporter', role: 'REPORTER' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A valid input for each action in the case as it stands (which agency to redirect to, which escalation to acknowledge). */
function inputFor<A extends ComplaintAction>(h: CaseHarness, action: A): ActionInputs[A] {
  const status = h.case.status();
  const running = status.deadlines.find((d) => !['clarification', 'feedback'].includes(d.stage));
  const open = status.escalations.find((e) => !e.acknowledgedAt);
  const inputs: { [K in ComplaintAction]: () => ActionInputs[K] } = {
    verify: () => ({ actor: officer('VERIFIER'), agencyId: 'jakarta', complexity: 'SIMPLE' }),
    'request-clarification': () => ({ actor: officer('VERIFIER'), question: 'Di kelurahan mana?' }),
    'provide-clarification': () => ({ actor: REPORTER, answer: 'Sukajadi.' }),
    archive: () => ({ actor: officer('VERIFIER'), reason: 'SPAM' }),
    assign: () => ({ actor: officer('AGENCY_ADMIN'), liaisonId: 'usr-liaison' }),
    redirect: () => ({ actor: officer('AGENCY_ADMIN'), toAgencyId: status.agencyId === 'makassar' ? 'jayapura' : 'makassar', reason: 'bukan wewenang' }),
    'follow-up': () => ({ actor: officer('LIAISON'), text: 'Ditinjau.' }),
    resolve: () => ({ actor: officer('LIAISON'), answer: 'Selesai.' }),
    accept: () => ({ actor: REPORTER, rating: 4 }),
    dispute: () => ({ actor: REPORTER, reason: 'Belum.' }),
    'extend-deadline': () => ({
      actor: officer('SUPERVISOR'),
      stage: (running?.stage ?? 'verification') as ActionInputs['extend-deadline']['stage'],
      extra: { workingDays: 1, source: 'supervisor extension' },
      reason: 'Menunggu data',
      approvedBy: 'usr-supervisor',
    }),
    'acknowledge-escalation': () => ({ actor: officer(open?.receiverRole ?? 'SUPERVISOR'), escalationKey: open?.key ?? 'none' }),
  };
  return (inputs[action] as () => ActionInputs[A])();
}

const act = <A extends ComplaintAction>(h: CaseHarness, action: A) => h.act(action, inputFor(h, action));

/** How to bring a new complaint into each state. */
const REACH: Record<ComplaintState, ComplaintAction[]> = {
  SUBMITTED: [],
  AWAITING_CLARIFICATION: ['request-clarification'],
  DISPOSED: ['verify'],
  IN_PROGRESS: ['verify', 'assign'],
  AWAITING_FEEDBACK: ['verify', 'assign', 'resolve'],
  CLOSED: ['verify', 'assign', 'resolve', 'accept'],
  ARCHIVED: ['archive'],
};

/** The lifecycle of DESIGN.md §2, written out independently of the code's table. */
const ALLOWED: Record<ComplaintState, ComplaintAction[]> = {
  SUBMITTED: ['verify', 'request-clarification', 'archive', 'extend-deadline', 'acknowledge-escalation'],
  AWAITING_CLARIFICATION: ['provide-clarification', 'archive', 'acknowledge-escalation'],
  DISPOSED: ['assign', 'redirect', 'request-clarification', 'extend-deadline', 'acknowledge-escalation'],
  IN_PROGRESS: ['follow-up', 'resolve', 'redirect', 'request-clarification', 'extend-deadline', 'acknowledge-escalation'],
  AWAITING_FEEDBACK: ['accept', 'dispute', 'acknowledge-escalation'],
  CLOSED: ['acknowledge-escalation'],
  ARCHIVED: ['acknowledge-escalation'],
};

function inState(state: ComplaintState): CaseHarness {
  const h = new CaseHarness(DEFAULT_POLICY);
  for (const action of REACH[state]) act(h, action);
  expect(h.case.state).toBe(state);
  return h;
}

function refusal(run: () => void): CaseRefusal | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof CaseRefusal) return error;
    throw error;
  }
}

describe('ComplaintCase: which action each state allows', () => {
  const cells = COMPLAINT_STATES.flatMap((state) => ACTION_NAMES.map((action) => [state, action, ALLOWED[state].includes(action)] as const));

  it.each(cells)('in %s, %s is allowed: %s', (state, action, allowed) => {
    const h = inState(state);
    const refused = refusal(() => h.case.validate(action, inputFor(h, action)));
    // Allowed by the state: only its input may still be refused (e.g. no escalation to acknowledge yet).
    const illegal = { type: ILLEGAL_TRANSITION, details: { action, state, allowedActions: ALLOWED[state] } };
    const message = `cannot ${action}: complaint is ${state}; allowed actions: ${ALLOWED[state].join(', ')}`;
    expect(refused?.type === ILLEGAL_TRANSITION ? { type: refused.type, details: refused.details, message: refused.message } : 'not illegal').toEqual(
      allowed ? 'not illegal' : { ...illegal, message },
    );
    expect(h.case.status().allowedActions).toEqual(ALLOWED[state]);
  });
});

describe('ComplaintCase: what each action does', () => {
  it.each([
    ['SUBMITTED', 'verify', 'DISPOSED', ['assignment', 'firstFollowUp', 'resolution'], 'VERIFIED'],
    ['SUBMITTED', 'request-clarification', 'AWAITING_CLARIFICATION', ['verification', 'clarification'], 'CLARIFICATION_REQUESTED'],
    ['SUBMITTED', 'archive', 'ARCHIVED', [], 'ARCHIVED'],
    ['AWAITING_CLARIFICATION', 'provide-clarification', 'SUBMITTED', ['verification'], 'CLARIFICATION_PROVIDED'],
    ['DISPOSED', 'assign', 'IN_PROGRESS', ['firstFollowUp', 'resolution'], 'ASSIGNED'],
    ['DISPOSED', 'redirect', 'DISPOSED', ['assignment', 'firstFollowUp', 'resolution'], 'REDIRECTED'],
    ['IN_PROGRESS', 'follow-up', 'IN_PROGRESS', ['resolution'], 'FOLLOWED_UP'],
    ['IN_PROGRESS', 'resolve', 'AWAITING_FEEDBACK', ['feedback'], 'RESOLVED'],
    ['AWAITING_FEEDBACK', 'accept', 'CLOSED', [], 'CLOSED'],
    ['AWAITING_FEEDBACK', 'dispute', 'IN_PROGRESS', ['resolution'], 'DISPUTED'],
  ] as const)('from %s, %s leads to %s with clocks %j and records %s', (from, action, to, clocks, event) => {
    const h = inState(from);
    act(h, action);
    const status = h.case.status();
    expect(status.state).toBe(to);
    expect(status.deadlines.map((d) => d.stage).sort()).toEqual([...clocks].sort());
    expect(h.projected.at(-1)).toMatchObject({ type: event, status: to, seq: h.projected.length });
  });

  it('keeps the first response a fact: a later follow-up or the answer never moves it', () => {
    const h = inState('IN_PROGRESS');
    act(h, 'follow-up');
    const first = h.case.status().facts.firstResponseAt;
    h.advanceBy(HOUR);
    act(h, 'follow-up');
    act(h, 'resolve');
    expect(h.case.status().facts.firstResponseAt).toBe(first);
  });

  it('refuses a redirect back to the agency that has the complaint, and bad input, before anything happens', () => {
    const h = inState('DISPOSED');
    expect(refusal(() => h.case.validate('redirect', { ...inputFor(h, 'redirect'), toAgencyId: 'jakarta' }))).toMatchObject({ type: INVALID_ACTION });
    expect(refusal(() => h.case.validate('accept', { actor: REPORTER, rating: 6 }))).toMatchObject({ type: ILLEGAL_TRANSITION });
    const feedback = inState('AWAITING_FEEDBACK');
    expect(refusal(() => feedback.case.validate('accept', { actor: REPORTER, rating: 6 }))?.message).toBe('rating must be a whole number from 1 to 5');
  });
});

describe('ComplaintCase: the escalation ladder', () => {
  /** Lets every clock of the case run out and climb to the top of its ladder. */
  const climbAll = (h: CaseHarness) => h.advanceBy(40 * DAY);

  it.each([
    ['verification', [], null],
    ['assignment', ['verify'], 'jakarta'],
    ['firstFollowUp', ['verify', 'assign'], 'jakarta'],
    ['resolution', ['verify', 'assign', 'follow-up'], 'jakarta'],
  ] as const)('reaches every rung of the %s ladder, each to a role that can acknowledge it', (stage, actions, owner) => {
    const h = new CaseHarness(DEFAULT_POLICY);
    for (const action of actions) act(h, action);
    climbAll(h);
    const rungs = h.escalations.filter((e) => e.stage === stage).map((e) => [e.level, e.receiverRole, e.agencyId]);
    const nationalAdminAtLevelTwo = owner ? [[2, 'VERIFIER', owner]] : [];
    expect(rungs).toEqual([[1, 'SUPERVISOR', owner], [2, 'COMPLAINT_MANAGER', owner], ...nationalAdminAtLevelTwo, [3, 'OMBUDSMAN', owner]]);
    for (const e of h.escalations) expect(ESCALATION_RECEIVER_ROLES).toContain(e.receiverRole);
    // Keys are unique per rung and receiver: a retried activity never doubles one.
    expect(new Set(h.escalations.map((e) => e.key)).size).toBe(h.escalations.length);
  });

  it('places the rungs in working days after the deadline, in the agency zone', () => {
    const h = new CaseHarness(DEFAULT_POLICY, '2026-11-20T15:00:00+07:00'); // Friday
    climbAll(h);
    // Verification: 3 working days ⇒ Wednesday 25 Nov; level 2 two working days on, level 3 five.
    expect(h.escalations.map((e) => [e.level, e.firedAt])).toEqual([
      [1, '2026-11-25T16:59:59.999Z'],
      [2, '2026-11-27T16:59:59.999Z'],
      [3, '2026-12-02T16:59:59.999Z'],
    ]);
    expect(h.notices.map((n) => [n.kind, n.receiverRole, n.dueAt])).toEqual([['REMINDER', 'VERIFIER', '2026-11-25T23:59:59.999+07:00']]);
  });

  it('stops the ladder when the awaited action happens, keeping what already fired', () => {
    const h = new CaseHarness(DEFAULT_POLICY);
    h.advanceTo('2026-11-27T00:30:00+07:00'); // verification breached at the end of Thursday 26 Nov
    expect(h.escalations.map((e) => e.level)).toEqual([1]);
    act(h, 'verify');
    h.advanceTo('2026-11-27T23:00:00+07:00');
    expect(h.escalations.filter((e) => e.stage === 'verification').map((e) => e.level)).toEqual([1]);
  });

  it('sends too many redirects to the national admin, whom the case lets acknowledge it', () => {
    const h = inState('DISPOSED');
    for (let i = 0; i < 3; i++) act(h, 'redirect');
    expect(h.escalations).toEqual([expect.objectContaining({ stage: 'redirection', level: 1, receiverRole: 'VERIFIER', agencyId: null, key: 'complaint-LPR-TEST-0001:redirection:3' })]);
    expect(refusal(() => h.case.validate('acknowledge-escalation', { actor: officer('SUPERVISOR'), escalationKey: h.escalations[0].key }))?.message).toMatch(
      /is addressed to VERIFIER, not SUPERVISOR/,
    );
    act(h, 'acknowledge-escalation');
    expect(h.case.status().escalations[0]).toMatchObject({ acknowledgedBy: 'usr-verifier' });
  });
});

describe('ComplaintCase: pauses and extensions', () => {
  it('pauses a breached clock’s ladder while the complaint waits on the reporter, giving the paused time back', () => {
    const h = new CaseHarness(DEFAULT_POLICY, '2026-11-20T15:00:00+07:00');
    h.advanceTo('2026-11-26T10:00:00+07:00'); // breached Wednesday evening: level 1
    act(h, 'request-clarification');
    h.advanceTo('2026-12-01T10:00:00+07:00'); // level 2 was due Friday 27 Nov
    expect(h.escalations.map((e) => e.level)).toEqual([1]);
    act(h, 'provide-clarification');
    const verification = h.case.status().deadlines.find((d) => d.stage === 'verification')!;
    expect(verification).toMatchObject({ breached: true, paused: false, dueAt: '2026-11-25T23:59:59.999+07:00' });
    expect(verification.explanation.pauses).toEqual([
      { from: '2026-11-26T10:00:00.000+07:00', to: '2026-12-01T10:00:00.000+07:00', remained: 'nothing: the deadline had passed', left: [] },
    ]);
    h.advanceBy(30 * DAY);
    // Paused Thursday with Thu and Fri of its two days left: counted again from Tuesday 1 Dec, level 2 ends Thursday 3 Dec.
    expect(h.escalations.map((e) => [e.level, e.firedAt])).toContainEqual([2, '2026-12-03T16:59:59.999Z']);
  });

  it('keeps climbing while paused in runs recorded before the ladder paused with its stage', () => {
    const h = new CaseHarness(DEFAULT_POLICY, '2026-11-20T15:00:00+07:00');
    h.changes['ladder-pauses-with-stage'] = false;
    h.advanceTo('2026-11-26T10:00:00+07:00');
    act(h, 'request-clarification');
    h.advanceTo('2026-12-01T10:00:00+07:00');
    expect(h.escalations.map((e) => e.level)).toEqual([1, 2]);
  });

  it('keeps the start, rule, extensions and cap of a clock across pauses', () => {
    const h = new CaseHarness(DEFAULT_POLICY, '2026-11-23T09:00:00+07:00');
    act(h, 'extend-deadline');
    act(h, 'request-clarification');
    h.advanceTo('2026-11-25T09:00:00+07:00');
    act(h, 'provide-clarification');
    const { explanation, extensions } = h.case.status().deadlines[0];
    expect(explanation).toMatchObject({
      startAt: '2026-11-23T09:00:00.000+07:00',
      rule: '3 working days, then extended by 1 working day (extension approved by usr-supervisor: Menunggu data)',
      pauses: [{ from: '2026-11-23T09:00:00.000+07:00', to: '2026-11-25T09:00:00.000+07:00', remained: '3 working days, then 1 working day' }],
    });
    expect(extensions).toBe(1);
    expect(explanation.dueAt).toBe('2026-12-01T23:59:59.999+07:00');
    expect(refusal(() => h.case.validate('extend-deadline', inputFor(h, 'extend-deadline')))?.message).toBe(
      'stage: verification was already extended 1 time(s); the policy allows 1',
    );
  });

  it('climbs from level 1 again when an extended clock breaches again, under its own keys', () => {
    const h = new CaseHarness(DEFAULT_POLICY, '2026-11-20T15:00:00+07:00');
    h.advanceTo('2026-11-26T10:00:00+07:00');
    act(h, 'extend-deadline'); // one more working day: Thursday 26 Nov
    h.advanceTo('2026-11-27T10:00:00+07:00');
    expect(h.escalations.map((e) => [e.level, e.key])).toEqual([
      [1, 'complaint-LPR-TEST-0001:verification-1:1'],
      [1, 'complaint-LPR-TEST-0001:verification-1#2:1'],
    ]);
  });
});

describe('ComplaintCase: finishing', () => {
  it('finishes only when closed or archived and every escalation was acknowledged', () => {
    const h = new CaseHarness(DEFAULT_POLICY);
    h.advanceBy(10 * DAY);
    act(h, 'archive');
    expect(h.case.finished()).toBe(false);
    while (h.case.status().escalations.some((e) => !e.acknowledgedAt)) act(h, 'acknowledge-escalation');
    expect(h.case.finished()).toBe(true);
  });

  it('says in words when a clock ended the complaint', () => {
    const h = inState('AWAITING_FEEDBACK');
    h.advanceBy(11 * DAY);
    expect(h.case.status()).toMatchObject({ state: 'CLOSED', endedAutomatically: expect.stringMatching(/^closed automatically/) });
  });

  it('ends every sequence of legal actions and clock steps in a state whose ladder can be acknowledged', () => {
    const step = fc.oneof(
      fc.constantFrom(...ACTION_NAMES).map((action) => ({ action })),
      fc.integer({ min: 1, max: 15 * 24 }).map((hours) => ({ hours })),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const h = new CaseHarness(DEFAULT_POLICY);
        for (const s of steps) {
          if ('hours' in s) h.advanceBy(s.hours * HOUR);
          else if (!refusal(() => h.case.validate(s.action, inputFor(h, s.action)))) act(h, s.action);
        }
        // Then the way out every case has: the reporter or the verifier ends it, every receiver acknowledges.
        const finish: ComplaintAction[] = ['accept', 'archive', 'provide-clarification', 'resolve', 'assign', 'verify'];
        for (let i = 0; i < 10 && !['CLOSED', 'ARCHIVED'].includes(h.case.state); i++) {
          const next = finish.find((a) => h.case.allowedActions().includes(a));
          if (next) act(h, next);
        }
        expect(['CLOSED', 'ARCHIVED']).toContain(h.case.state);
        const status = h.case.status();
        expect(status.deadlines).toEqual([]);
        for (const e of status.escalations.filter((x) => !x.acknowledgedAt)) {
          expect(ESCALATION_RECEIVER_ROLES).toContain(e.receiverRole);
          h.act('acknowledge-escalation', { actor: officer(e.receiverRole), escalationKey: e.key });
        }
        expect(h.case.finished()).toBe(true);
        expect(h.case.nextStep()).toBeNull();
        expect(new Set(status.escalations.map((e) => e.key)).size).toBe(status.escalations.length);
        expect(h.projected.map((p) => p.seq)).toEqual(h.projected.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });
});
