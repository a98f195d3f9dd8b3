import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlaPolicy, SlaPolicyError, loadSlaPolicy } from '../../src/policy/sla-policy.js';
import { projectRoot } from '../../src/project-root.js';

/** A fresh copy of the shipped policy file, for a test to break one field of. */
const shipped = () => JSON.parse(readFileSync(join(projectRoot(), 'config', 'sla-policy.json'), 'utf8'));

function writePolicy(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'policy-')), 'policy.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe(SlaPolicy.name, () => {
  it('loads the shipped default policy, citing a source for every number', () => {
    const version = loadSlaPolicy(join(projectRoot(), 'config', 'sla-policy.json')).inForceAt(new Date('2026-11-23T00:00:00Z'));
    expect(version.deadlines.verification).toEqual({ workingDays: 3, source: expect.stringMatching(/LAPOR!/) });
    expect(version.escalation.map((s) => s.receiverRole)).toEqual(['SUPERVISOR', 'COMPLAINT_MANAGER', 'OMBUDSMAN']);
    // From December 2026 the national admin hears of level 2 of agency stages too (DESIGN §2).
    const december = loadSlaPolicy(join(projectRoot(), 'config', 'sla-policy.json')).inForceAt(new Date('2026-12-01T00:00:00+07:00'));
    expect(december).toMatchObject({ version: '2026.2', escalation: [{ level: 1 }, { level: 2, nationalReceiverRole: 'VERIFIER' }, { level: 3 }] });
  });

  it('picks the version in force at an instant; new versions apply to later submissions only', () => {
    const base = shipped().versions[0];
    const policy = new SlaPolicy([
      { ...base, version: 'old', effectiveFrom: '2026-01-01T00:00:00+07:00' },
      { ...base, version: 'new', effectiveFrom: '2027-01-01T00:00:00+07:00' },
    ]);
    expect(policy.inForceAt(new Date('2026-12-31T16:59:59Z')).version).toBe('old');
    expect(policy.inForceAt(new Date('2026-12-31T17:00:00Z')).version).toBe('new');
    expect(policy.version('old').version).toBe('old');
    expect(() => policy.inForceAt(new Date('2025-06-01T00:00:00Z'))).toThrow(/no SLA policy version is in force/);
  });

  it.each([
    ['versions', { versions: [] }],
    ['versions[0].deadlines.verification.source', (p: any) => delete p.versions[0].deadlines.verification.source],
    ['versions[0].deadlines.assignment', (p: any) => delete p.versions[0].deadlines.assignment],
    ['versions[0].deadlines.verification.workingDays', (p: any) => (p.versions[0].deadlines.verification.workingDays = 0)],
    ['versions[0].deadlines.verification', (p: any) => (p.versions[0].deadlines.verification.duration = 'PT1S')],
    ['versions[0].nationalTimeZone', (p: any) => (p.versions[0].nationalTimeZone = 'Mars/Olympus')],
    ['versions[0].effectiveFrom', (p: any) => (p.versions[0].effectiveFrom = 'soon')],
    ['versions[0].escalation[1].level', (p: any) => (p.versions[0].escalation[1].level = 5)],
    // A receiver nobody can acknowledge as: no such role, or a role that does not receive escalations.
    ['versions[0].escalation[0].receiverRole', (p: any) => (p.versions[0].escalation[0].receiverRole = 'NATIONAL_ADMIN')],
    ['versions[0].escalation[2].receiverRole', (p: any) => (p.versions[0].escalation[2].receiverRole = 'LIAISON')],
    ['versions[1].escalation[1].nationalReceiverRole', (p: any) => (p.versions[1].escalation[1].nationalReceiverRole = 'SUPERVISOR')],
  ])('stops with a message naming %s when it is invalid', (field, change) => {
    const policy = shipped();
    const content = typeof change === 'function' ? (change(policy), policy) : change;
    expect(() => loadSlaPolicy(writePolicy(content))).toThrow(SlaPolicyError);
    expect(() => loadSlaPolicy(writePolicy(content))).toThrow(`${field} `);
  });

  it('names the file when it is not JSON', () => {
    expect(() => loadSlaPolicy(writePolicy('{ not json'))).toThrow(/cannot be read as JSON/);
  });
});
