import { defaultDataConverter } from '@temporalio/common';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkflowHistoryDecoder } from '../../src/audit/workflow-history.decoder.js';
import {
  buildEvidencePack,
  canonicalJson,
  contentDigestHolds,
  ombudsmanWindowCloses,
  packDocument,
  sha256Hex,
  type PackInput,
} from '../../src/evidence-pack/evidence-pack.js';
import { renderEvidencePackPdf } from '../../src/evidence-pack/evidence-pack.pdf.js';
import { historyDigest } from '../../src/evidence-pack/history-digest.js';

const recorded = (name: string) =>
  historyFromJSON(JSON.parse(readFileSync(join('test', 'replay', 'histories', `${name}.json`), 'utf8'))).events ?? [];

const FACTS: PackInput['complaint'] = {
  trackingId: 'LPR-TEST-0001',
  title: 'KTP-el belum dicetak setelah 3 bulan',
  chronology: 'Saya merekam data pada 2 Agustus; sampai kini belum dicetak — “blangko habis”.',
  occurredAt: '2026-08-02T02:00:00.000Z',
  place: { regency: 'Kota Bandung', district: null, village: null, areaCode: '32.73' },
  classification: 'COMPLAINT',
  channel: 'WEB',
  anonymous: false,
  confidential: false,
  submittedAt: '2026-11-23T14:21:20.000Z',
  policyVersion: 'test-seconds',
};

describe('canonicalJson', () => {
  it.each([
    ['sorts keys at every depth', { b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}'],
    ['leaves out undefined members, keeps null', { a: undefined, b: null }, '{"b":null}'],
    ['keeps array order and turns undefined items into null', [2, undefined, 1], '[2,null,1]'],
    ['escapes text as JSON does', { 'k"': 'é\n' }, '{"k\\"":"é\\n"}'],
    ['a plain value', 'teks', '"teks"'],
  ])('%s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});

describe(ombudsmanWindowCloses.name, () => {
  it.each([
    ['two calendar years later', '2026-08-02T02:00:00.000Z', '2028-08-02T02:00:00.000Z'],
    ['29 February ends on 28 February', '2028-02-29T00:00:00.000Z', '2030-02-28T00:00:00.000Z'],
  ])('%s', (_name, occurredAt, closesAt) => {
    expect(ombudsmanWindowCloses(occurredAt)).toBe(closesAt);
  });
});

describe(buildEvidencePack.name, () => {
  const decoded = async () => {
    const events = recorded('v3-breach-to-level-3');
    const runs = [{ runId: 'run-1', events }];
    const history = { workflowId: 'complaint-LPR-TEST-0001', runs: [{ runId: 'run-1', eventCount: events.length, lastEventId: Number(events[events.length - 1].eventId) }], sha256: historyDigest(runs) };
    const steps = await new WorkflowHistoryDecoder(defaultDataConverter, 'en').decodeRun('run-1', events);
    return { steps, history };
  };
  const input = async (overrides: Partial<PackInput> = {}): Promise<PackInput> => ({ language: 'en', complaint: FACTS, agencyNames: {}, consent: null, ...(await decoded()), ...overrides });

  it('reads the ladder, the deadlines and the breach of a complaint nobody verified', async () => {
    const pack = buildEvidencePack(await input());
    expect(pack.escalations.map((e) => [e.stage, e.level, e.receiverRole])).toEqual([
      ['verification', 1, 'SUPERVISOR'],
      ['verification', 2, 'COMPLAINT_MANAGER'],
      ['verification', 3, 'OMBUDSMAN'],
    ]);
    expect(pack.escalations.every((e) => e.acknowledgement === null)).toBe(true);
    // A v3 history: its plan did not name the stage yet (later ones do, see test/integration/evidence-pack.test.ts).
    const [deadline] = pack.deadlines;
    expect(pack.deadlines).toEqual([expect.objectContaining({ stage: null, rule: 'PT2S (exact duration)', dueAt: expect.any(String) })]);
    expect(deadline.explanation).toBe(`Due ${deadline.dueAt}: PT2S (exact duration), counted from ${deadline.startAt} (Asia/Jakarta).`);
    expect(pack.breaches.map((b) => b.stage)).toEqual(['verification']);
    expect(pack.priorComplaint).toMatchObject({ disposedTo: null, satisfied: true, lodgedAt: FACTS.submittedAt });
    expect(pack.priorComplaint.superiors.map((s) => s.level)).toEqual([1, 2]);
    expect(pack.ombudsmanWindow).toMatchObject({ closesAt: '2028-08-02T02:00:00.000Z' });
    expect(pack.reporter).toEqual({ consentGivenAt: null, identity: null });
    expect(pack.asOf).toBe(pack.history.runs.length ? (await decoded()).steps.at(-1)!.at : FACTS.submittedAt);
  });

  it.each([
    ['within the window when the event is under two years old', '2026-08-02T02:00:00.000Z', true],
    ['outside it when the event is older', '2020-01-01T00:00:00.000Z', false],
  ])('%s', async (_name, occurredAt, within) => {
    expect(buildEvidencePack(await input({ complaint: { ...FACTS, occurredAt } })).ombudsmanWindow.within).toBe(within);
  });

  it('names the reporter only with consent', async () => {
    const identity = { name: 'Siti Rahmawati', phone: '+6281234567890', email: null, nik: null };
    const consented = buildEvidencePack(await input({ consent: { givenAt: '2026-11-24T00:00:00.000Z', identity } }));
    expect(consented.reporter).toEqual({ consentGivenAt: '2026-11-24T00:00:00.000Z', identity });
    expect(JSON.stringify(buildEvidencePack(await input()))).not.toContain('Siti');
  });

  it('gives the same document, digests and PDF bytes for the same history, and another digest for another one', async () => {
    const [a, b] = [packDocument(buildEvidencePack(await input())), packDocument(buildEvidencePack(await input()))];
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(contentDigestHolds(a)).toBe(true);
    expect(a.digests.contentSha256).toBe(sha256Hex(canonicalJson(a.pack)));
    expect(contentDigestHolds({ ...a, pack: { ...a.pack, complaint: { ...a.pack.complaint, title: 'diubah' } } })).toBe(false);
    const [pdfA, pdfB] = await Promise.all([renderEvidencePackPdf(a), renderEvidencePackPdf(b)]);
    expect(pdfA.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256Hex(pdfA)).toBe(sha256Hex(pdfB));

    const events = recorded('v3-breach-to-level-3');
    const shorter = historyDigest([{ runId: 'run-1', events: events.slice(0, -1) }]);
    expect(shorter).not.toBe(a.digests.historySha256);
    expect(historyDigest([{ runId: 'run-1', events }])).toBe(a.digests.historySha256);
  });
});
