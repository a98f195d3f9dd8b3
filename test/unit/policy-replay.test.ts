// The what-if replay's pure core: recorded actions re-driven through the lifecycle under two policies,
// on the real calendar (January 2026: no holiday from the 19th to the 30th; WIB for national stages).
import { compareReplays, countReplays, recordedAction, replayComplaint, unlikeRecord, type PastComplaint, type PlanDeadline, type RecordedEvent, type ReplayOutcome } from '../../activities/policy-replay.js';
import type { SlaPolicyVersion } from '../../workflows/lifecycle/types.js';
import { AGENCY_ZONES, calendar, policyFrom } from '../support/case-harness.js';

const CURRENT = policyFrom('config/sla-policy.json', '2026.1');
/** The question of the issue: verification within 2 working days instead of 3. */
const TWO_DAYS: SlaPolicyVersion = { ...CURRENT, version: 'draft-2wd', deadlines: { ...CURRENT.deadlines, verification: { workingDays: 2, source: 'what-if' } } };
/** The reporter gets 2 days instead of 10 to give the details asked for. */
const SHORT_CLARIFICATION: SlaPolicyVersion = { ...CURRENT, version: 'draft-clarification', deadlines: { ...CURRENT.deadlines, clarification: { duration: 'P2D', source: 'what-if' } } };

const plan: PlanDeadline = (request) =>
  calendar.plan(request, { timeZone: request.agencyId ? (AGENCY_ZONES[request.agencyId] ?? request.defaultTimeZone) : request.defaultTimeZone, agencyDaysOff: [] });

const VERIFIER = ['usr-verifikator', 'VERIFIER'] as const;
const ADMIN = ['usr-admin', 'AGENCY_ADMIN'] as const;
const LIAISON = ['usr-liaison', 'LIAISON'] as const;
const SUPERVISOR = ['usr-atasan', 'SUPERVISOR'] as const;
const REPORTER = ['reporter', 'REPORTER'] as const;
type EventSpec = [type: string, at: string, actor: readonly [string, string] | null, detail?: Record<string, unknown>];

/** Submitted Monday 19 January 2026, 09:00 WIB: verification due Thursday 22nd (3 days) or Wednesday 21st (2 days), end of day. */
const SUBMITTED = '2026-01-19T09:00:00+07:00';
const ASOF = '2026-03-02T00:00:00+07:00';

function past(events: EventSpec[]): PastComplaint {
  const all: EventSpec[] = [['SUBMITTED', SUBMITTED, null, { channel: 'WEB', classification: 'COMPLAINT' }], ...events];
  return {
    complaintId: '00000000-0000-4000-8000-000000000042',
    trackingId: 'LPR-TEST-0042',
    submittedAt: new Date(SUBMITTED).toISOString(),
    classification: 'COMPLAINT',
    channel: 'WEB',
    events: all.map(([type, at, actor, detail], i): RecordedEvent => ({
      seq: i + 1,
      type,
      actorId: actor?.[0] ?? null,
      actorRole: actor?.[1] ?? null,
      detail: detail ?? {},
      occurredAt: new Date(at).toISOString(),
    })),
  };
}

const verified = (at: string): EventSpec => ['VERIFIED', at, VERIFIER, { agencyId: 'jakarta', classification: 'COMPLAINT', complexity: 'SIMPLE' }];
/** After a timely verification on Tuesday the 20th: assigned, answered and accepted within every target. */
const AGENCY_ON_TIME: EventSpec[] = [
  ['ASSIGNED', '2026-01-20T11:00:00+07:00', ADMIN, { liaisonId: 'usr-liaison' }],
  ['FOLLOWED_UP', '2026-01-21T10:00:00+07:00', LIAISON, { text: 'Ditinjau.' }],
  ['RESOLVED', '2026-01-23T10:00:00+07:00', LIAISON, { answer: 'Selesai.' }],
  ['CLOSED', '2026-01-24T10:00:00+07:00', REPORTER, { rating: 5 }],
];

const both = (complaint: PastComplaint, whatIf: SlaPolicyVersion) => {
  const current = replayComplaint(complaint, CURRENT, plan, ASOF);
  const other = replayComplaint(complaint, whatIf, plan, ASOF);
  return { current, whatIf: other, differences: compareReplays(current, other) };
};
const verification = (o: ReplayOutcome) => o.stages.find((s) => s.stage === 'verification')!;

describe(replayComplaint.name, () => {
  it.each([
    {
      name: 'verified on day 2: met under both',
      events: [verified('2026-01-20T10:00:00+07:00'), ...AGENCY_ON_TIME],
      current: { outcome: 'met', dueAt: '2026-01-22T23:59:59.999+07:00', escalations: [] },
      whatIf: { outcome: 'met', dueAt: '2026-01-21T23:59:59.999+07:00', escalations: [] },
      differs: false,
    },
    {
      name: 'verified on day 3: met under 3 days, breached with level 1 under 2 days',
      events: [verified('2026-01-22T10:00:00+07:00')],
      current: { outcome: 'met', dueAt: '2026-01-22T23:59:59.999+07:00', escalations: [] },
      whatIf: { outcome: 'breached', dueAt: '2026-01-21T23:59:59.999+07:00', escalations: [1] },
      differs: true,
    },
    {
      name: 'verified on Monday the 26th: breached under both, level 2 only under 2 days (due Friday the 23rd)',
      events: [verified('2026-01-26T10:00:00+07:00')],
      current: { outcome: 'breached', dueAt: '2026-01-22T23:59:59.999+07:00', escalations: [1] },
      whatIf: { outcome: 'breached', dueAt: '2026-01-21T23:59:59.999+07:00', escalations: [1, 2] },
      differs: true,
    },
    {
      name: 'never verified: every rung fires under both by asOf',
      events: [],
      current: { outcome: 'breached', dueAt: '2026-01-22T23:59:59.999+07:00', escalations: [1, 2, 3] },
      whatIf: { outcome: 'breached', dueAt: '2026-01-21T23:59:59.999+07:00', escalations: [1, 2, 3] },
      differs: false,
    },
  ])('$name', ({ events, current, whatIf, differs }) => {
    const r = both(past(events), TWO_DAYS);
    expect(verification(r.current)).toMatchObject({ ...current, agencyId: null, round: 1 });
    expect(verification(r.whatIf)).toMatchObject({ ...whatIf, agencyId: null, round: 1 });
    expect(r.differences.length > 0).toBe(differs);
  });

  it('replays the agency stages in the agency calendar and ends the case as recorded', () => {
    const r = replayComplaint(past([verified('2026-01-20T10:00:00+07:00'), ...AGENCY_ON_TIME]), CURRENT, plan, ASOF);
    expect(r.state).toBe('CLOSED');
    expect(r.stages.map((s) => [s.stage, s.agencyId, s.outcome, s.dueAt])).toEqual([
      ['verification', null, 'met', '2026-01-22T23:59:59.999+07:00'],
      ['assignment', 'jakarta', 'met', '2026-01-21T23:59:59.999+07:00'],
      ['firstFollowUp', 'jakarta', 'met', '2026-01-27T23:59:59.999+07:00'],
      ['resolution', 'jakarta', 'met', '2026-01-27T23:59:59.999+07:00'],
    ]);
    expect(r.skipped).toEqual([]);
  });

  it('says where and why a shorter clarification window ends the case otherwise, skipping what no longer applies', () => {
    const events: EventSpec[] = [
      ['CLARIFICATION_REQUESTED', '2026-01-20T10:00:00+07:00', VERIFIER, { question: 'Di mana?' }],
      ['CLARIFICATION_PROVIDED', '2026-01-25T10:00:00+07:00', REPORTER, { answer: 'Sukajadi.' }],
      verified('2026-01-26T10:00:00+07:00'),
    ];
    const r = both(past(events), SHORT_CLARIFICATION);
    expect(r.current.state).toBe('DISPOSED');
    expect(r.whatIf).toMatchObject({ state: 'ARCHIVED', endedAutomatically: 'NO_CLARIFICATION' });
    expect(r.whatIf.skipped.map((s) => [s.seq, s.action])).toEqual([
      [3, 'provide-clarification'],
      [4, 'verify'],
    ]);
    const ending = r.differences.find((d) => d.stage === null)!;
    expect(ending.ending).toEqual({ current: 'DISPOSED', whatIf: 'ARCHIVED (NO_CLARIFICATION)' });
    expect(ending.why).toContain('recorded actions no longer possible: provide-clarification');
    // Paused on Tuesday the 20th with its three days still to count (the pause day counts, it is not the start day):
    // resumed on Sunday the 25th, due Wednesday the 28th.
    expect(verification(r.current)).toMatchObject({ outcome: 'met', dueAt: '2026-01-28T23:59:59.999+07:00' });
  });

  it('applies an extension recorded with its amount under both policies', () => {
    const events: EventSpec[] = [
      ['DEADLINE_EXTENDED', '2026-01-20T12:00:00+07:00', SUPERVISOR, { stage: 'verification', extra: { workingDays: 1 }, approvedBy: 'usr-atasan' }],
      verified('2026-01-23T10:00:00+07:00'),
    ];
    const r = both(past(events), TWO_DAYS);
    expect(verification(r.current)).toMatchObject({ outcome: 'met', dueAt: '2026-01-23T23:59:59.999+07:00', rule: expect.stringContaining('extended by 1 working day') });
    expect(verification(r.whatIf)).toMatchObject({ outcome: 'breached', dueAt: '2026-01-22T23:59:59.999+07:00' });
  });

  it.each([
    ['one working day', '2026-01-22T23:59:59.999+07:00', '2026-01-23T23:59:59.999+07:00', { workingDays: 1 }],
    ['three working days across a weekend', '2026-01-22T23:59:59.999+07:00', '2026-01-27T23:59:59.999+07:00', { workingDays: 3 }],
    ['an exact duration', '2026-01-22T23:59:59.999+07:00', '2026-01-23T00:29:59.999+07:00', { duration: 'PT1800S' }],
  ])('finds an extension recorded before its amount was (%s) from the deadlines before and after, and replays the what-if side with it', (_name, previousDueAt, dueAt, amount) => {
    const extensions = new Map();
    const complaint = past([['DEADLINE_EXTENDED', '2026-01-20T12:00:00+07:00', SUPERVISOR, { stage: 'verification', previousDueAt, dueAt, approvedBy: 'usr-atasan' }]]);
    const current = replayComplaint(complaint, CURRENT, plan, ASOF, extensions);
    expect(verification(current).dueAt).toBe(dueAt);
    expect(extensions.get(2)).toMatchObject(amount);
    const whatIf = replayComplaint(complaint, TWO_DAYS, plan, ASOF, extensions);
    expect(verification(whatIf).rule).toContain('2 working days, then extended by');
  });

  it('counts every receiver of a rung and the escalations of too many redirects', () => {
    const redirect = (at: string, to: string): EventSpec => ['REDIRECTED', at, ADMIN, { fromAgencyId: 'x', toAgencyId: to, reason: 'bukan wewenang' }];
    const events = [verified('2026-01-20T10:00:00+07:00'), redirect('2026-01-20T11:00:00+07:00', 'makassar'), redirect('2026-01-20T12:00:00+07:00', 'jayapura'), redirect('2026-01-20T13:00:00+07:00', 'jakarta')];
    const policy = policyFrom('config/sla-policy.json', '2026.2');
    const r = replayComplaint(past(events), policy, plan, ASOF);
    expect(r.redirectionEscalations).toBe(1);
    const assignments = r.stages.filter((s) => s.stage === 'assignment');
    expect(assignments.map((s) => [s.round, s.agencyId, s.outcome])).toEqual([
      [1, 'jakarta', 'met'],
      [2, 'makassar', 'met'],
      [3, 'jayapura', 'met'],
      [4, 'jakarta', 'breached'],
    ]);
    // 2026.2 alerts the national admin beside the complaint manager at level 2.
    expect(assignments[3].escalations).toEqual([1, 2, 2, 3]);
  });
});

describe(unlikeRecord.name, () => {
  const breach = (stage: string, at: string, clockId?: string): EventSpec => ['DEADLINE_BREACHED', at, null, { stage, dueAt: at, ...(clockId ? { clockId } : {}) }];
  /** Verified late on Monday the 26th, then every agency stage in time. */
  const verifiedLate: EventSpec[] = [
    verified('2026-01-26T10:00:00+07:00'),
    ['ASSIGNED', '2026-01-26T11:00:00+07:00', ADMIN, { liaisonId: 'usr-liaison' }],
    ['FOLLOWED_UP', '2026-01-27T10:00:00+07:00', LIAISON, {}],
    ['RESOLVED', '2026-01-28T10:00:00+07:00', LIAISON, {}],
    ['CLOSED', '2026-01-29T10:00:00+07:00', REPORTER, { rating: 4 }],
  ];
  it.each([
    ['nothing breached, nothing recorded', [verified('2026-01-20T10:00:00+07:00'), ...AGENCY_ON_TIME], false],
    ['verification breached and recorded', [breach('verification', '2026-01-22T23:59:59.999+07:00', 'verification-1'), ...verifiedLate], false],
    ['one clock recorded breaching twice (extended, breached again): one deadline', [breach('verification', '2026-01-22T23:59:59.999+07:00', 'verification-1'), breach('verification', '2026-01-23T23:59:59.999+07:00', 'verification-1')], false],
    ['verification breached, never recorded (a calendar amended since)', verifiedLate, true],
    ['a breach recorded that the replay does not find', [breach('verification', '2026-01-20T23:59:59.999+07:00'), verified('2026-01-20T10:00:00+07:00'), ...AGENCY_ON_TIME], true],
  ])('%s → %p', (_name, events, unlike) => {
    const complaint = past(events as EventSpec[]);
    expect(unlikeRecord(complaint, replayComplaint(complaint, CURRENT, plan, ASOF))).toBe(unlike);
  });
});

describe(recordedAction.name, () => {
  const event = (type: string, actor: readonly [string, string] | null, detail: Record<string, unknown> = {}): RecordedEvent => ({
    seq: 2,
    type,
    actorId: actor?.[0] ?? null,
    actorRole: actor?.[1] ?? null,
    detail,
    occurredAt: SUBMITTED,
  });
  it.each([
    ['VERIFIED', 'verify', event('VERIFIED', VERIFIER, { agencyId: 'jakarta', complexity: 'SIMPLE', classification: 'COMPLAINT' })],
    ['CLARIFICATION_REQUESTED', 'request-clarification', event('CLARIFICATION_REQUESTED', VERIFIER, { question: 'Di mana?' })],
    ['CLARIFICATION_PROVIDED', 'provide-clarification', event('CLARIFICATION_PROVIDED', REPORTER)],
    ['ARCHIVED by the verifier', 'archive', event('ARCHIVED', VERIFIER, { reason: 'SPAM' })],
    ['ARCHIVED by the clarification clock', null, event('ARCHIVED', null, { reason: 'NO_CLARIFICATION' })],
    ['ASSIGNED', 'assign', event('ASSIGNED', ADMIN, { liaisonId: 'usr-liaison' })],
    ['REDIRECTED', 'redirect', event('REDIRECTED', ADMIN, { toAgencyId: 'makassar' })],
    ['FOLLOWED_UP', 'follow-up', event('FOLLOWED_UP', LIAISON)],
    ['RESOLVED', 'resolve', event('RESOLVED', LIAISON)],
    ['CLOSED by the reporter', 'accept', event('CLOSED', REPORTER, { rating: 4 })],
    ['CLOSED by the feedback clock', null, event('CLOSED', null, { acceptedBy: 'FEEDBACK_TIMEOUT' })],
    ['DISPUTED', 'dispute', event('DISPUTED', REPORTER)],
    ['DEADLINE_EXTENDED', 'extend-deadline', event('DEADLINE_EXTENDED', SUPERVISOR, { stage: 'verification' })],
    ['SUBMITTED', null, event('SUBMITTED', null)],
    ['DEADLINE_BREACHED', null, event('DEADLINE_BREACHED', null)],
    ['ESCALATED', null, event('ESCALATED', null)],
    ['ESCALATION_ACKNOWLEDGED', null, event('ESCALATION_ACKNOWLEDGED', SUPERVISOR)],
    ['DEADLINES_RETIMED', null, event('DEADLINES_RETIMED', ['usr-sysadmin', 'SYSADMIN'])],
  ])('%s → %s', (_name, action, recorded) => {
    expect(recordedAction(recorded)?.action ?? null).toBe(action);
  });

  it('never carries the text a person typed', () => {
    const input = recordedAction(event('CLARIFICATION_REQUESTED', VERIFIER, { question: 'Nomor HP saya 0812…' }))!.input;
    expect(JSON.stringify(input)).not.toContain('0812');
  });
});

describe(countReplays.name, () => {
  it('counts both sides per stage owner and stage, escalations by level', () => {
    const runs = [
      past([verified('2026-01-20T10:00:00+07:00'), ...AGENCY_ON_TIME]),
      past([verified('2026-01-22T10:00:00+07:00')]),
      past([verified('2026-01-26T10:00:00+07:00')]),
    ].map((p) => ({ current: replayComplaint(p, CURRENT, plan, ASOF), whatIf: replayComplaint(p, TWO_DAYS, plan, ASOF) }));
    const rows = countReplays(runs);
    expect(rows.find((r) => r.stage === 'verification')).toEqual({
      agencyId: null,
      stage: 'verification',
      current: { met: 2, breached: 1, running: 0, escalations: { 1: 1 } },
      whatIf: { met: 1, breached: 2, running: 0, escalations: { 1: 2, 2: 1 } },
    });
    // The two complaints verified late were never assigned: by asOf their assignment deadlines passed under both.
    expect(rows.find((r) => r.stage === 'assignment')).toMatchObject({ agencyId: 'jakarta', current: { met: 1, breached: 2 }, whatIf: { met: 1, breached: 2 } });
  });
});
