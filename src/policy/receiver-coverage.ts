// Whether every escalation a policy can produce has someone to acknowledge it: for each (stage, level)
// receiver, an active account of that role at the national level or in each agency. Pure, so the seed,
// the operator check and the tests share it.
import { ladderReceivers } from '../../workflows/lifecycle/ladder.js';
import { NATIONAL_ROLES, type Role, type SlaPolicyVersion } from '../../workflows/messages.js';

export interface ReceiverAccount {
  role: string;
  agencyId: string | null;
}

export interface UncoveredReceiver {
  role: Role;
  /** null: the national level. */
  agencyId: string | null;
  /** Which escalations would find nobody, e.g. "assignment level 1". */
  escalations: string[];
  /** The policy versions that produce them. */
  policies: string[];
}

/** The receivers nobody holds among `accounts` (active ones only), for the national level and each agency. */
export function uncoveredReceivers(policies: SlaPolicyVersion[], agencyIds: string[], accounts: ReceiverAccount[]): UncoveredReceiver[] {
  const holds = (role: Role, agencyId: string | null) =>
    accounts.some((a) => a.role === role && (NATIONAL_ROLES.includes(role) || a.agencyId === agencyId));
  const missing = new Map<string, UncoveredReceiver>();
  for (const policy of policies) {
    for (const receiver of ladderReceivers(policy)) {
      for (const agencyId of receiver.scope === 'national' ? [null] : agencyIds) {
        if (holds(receiver.role, agencyId)) continue;
        const key = `${receiver.role}@${agencyId ?? ''}`;
        const entry = missing.get(key) ?? { role: receiver.role, agencyId, escalations: [], policies: [] };
        const what = `${receiver.subject} level ${receiver.level}`;
        if (!entry.escalations.includes(what)) entry.escalations.push(what);
        if (!entry.policies.includes(policy.version)) entry.policies.push(policy.version);
        missing.set(key, entry);
      }
    }
  }
  return [...missing.values()];
}

export const describeUncovered = (u: UncoveredReceiver): string =>
  `no active ${u.role} ${u.agencyId ? `of ${u.agencyId}` : 'at the national level'}: ${u.escalations.join(', ')} (policy ${u.policies.join(', ')}) would go to the national admin instead`;
