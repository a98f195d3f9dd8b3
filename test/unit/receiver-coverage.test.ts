import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSlaPolicy } from '../../src/policy/sla-policy.js';
import { describeUncovered, uncoveredReceivers } from '../../src/policy/receiver-coverage.js';
import { projectRoot } from '../../src/project-root.js';

const config = (file: string) => JSON.parse(readFileSync(join(projectRoot(), 'config', file), 'utf8'));
const policies = loadSlaPolicy(join(projectRoot(), 'config', 'sla-policy.json')).all();

describe(uncoveredReceivers.name, () => {
  it('finds an account for every escalation the shipped policies can produce, in every demo agency and nationally', () => {
    const agencies = (config('agencies.json') as { id: string }[]).map((a) => a.id);
    const officers = (config('officers.json').officers as { role: string; agencyId?: string }[]).map((o) => ({ role: o.role, agencyId: o.agencyId ?? null }));
    expect(uncoveredReceivers(policies, agencies, officers).map(describeUncovered)).toEqual([]);
  });

  it('names each receiver nobody holds, and which escalations would miss it', () => {
    const uncovered = uncoveredReceivers(policies, ['pemprov-papua'], [
      { role: 'SUPERVISOR', agencyId: null },
      { role: 'COMPLAINT_MANAGER', agencyId: null },
      { role: 'OMBUDSMAN', agencyId: null },
      { role: 'VERIFIER', agencyId: null },
      { role: 'SUPERVISOR', agencyId: 'pemprov-papua' },
    ]);
    expect(uncovered.map((u) => [u.role, u.agencyId])).toEqual([['COMPLAINT_MANAGER', 'pemprov-papua']]);
    expect(describeUncovered(uncovered[0])).toBe(
      'no active COMPLAINT_MANAGER of pemprov-papua: assignment level 2, firstFollowUp level 2, resolution level 2 (policy 2026.2, 2026.1) would go to the national admin instead',
    );
  });

  it('needs the national supervisor and complaint manager for verification, whatever agency a reporter names', () => {
    const uncovered = uncoveredReceivers(policies, [], [{ role: 'OMBUDSMAN', agencyId: null }, { role: 'VERIFIER', agencyId: null }]);
    expect(uncovered.map((u) => [u.role, u.agencyId])).toEqual([
      ['SUPERVISOR', null],
      ['COMPLAINT_MANAGER', null],
    ]);
  });
});
