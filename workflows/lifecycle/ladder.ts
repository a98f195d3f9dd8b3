// The escalation ladder: who owns a late stage, who hears about it at each rung, and what a policy
// may name as a receiver. Every receiver is a role that can see and acknowledge what it receives.
import type { Clock, EscalationStep, SlaPolicyVersion } from './types.js';
import { NATIONAL_ADMIN_ROLE, NATIONAL_ROLES, OFFICER_STAGES, type EscalationSubject, type Role, type Stage } from './vocabulary.js';

/** Roles that receive and acknowledge escalations. */
export const ESCALATION_RECEIVER_ROLES: readonly Role[] = ['SUPERVISOR', 'COMPLAINT_MANAGER', 'OMBUDSMAN', NATIONAL_ADMIN_ROLE];

/** Who receives one escalation: a role, for the agency that owns the late stage (null = national). */
export interface Receiver {
  role: Role;
  /** The owner of the late stage. Agency roles of this agency receive it; national roles receive it whatever it is. */
  agencyId: string | null;
}

/**
 * The agency that owns a stage: verification belongs to the national level (never to an agency the
 * reporter merely suggested); the agency stages to the agency the complaint is disposed to.
 */
export function stageOwner(stage: Stage, clockAgencyId: string | null): string | null {
  return stage === 'verification' ? null : clockAgencyId;
}

/** The receivers of one rung for a clock: the rung's role for the stage owner, plus its national receiver for agency stages. */
export function rungReceivers(step: EscalationStep, clock: Pick<Clock, 'stage' | 'agencyId'>): Receiver[] {
  const owner = stageOwner(clock.stage, clock.agencyId);
  const receivers: Receiver[] = [{ role: step.receiverRole, agencyId: owner }];
  if (step.nationalReceiverRole && owner !== null) receivers.push({ role: step.nationalReceiverRole, agencyId: owner });
  return receivers;
}

/** Too many redirects: the national admin must see why no agency keeps the complaint. */
export const REDIRECTION_RECEIVER: Receiver = { role: NATIONAL_ADMIN_ROLE, agencyId: null };

/**
 * The idempotency key of an escalation: workflow, clock, breach and level, plus the receiver when a
 * rung has more than one. The first breach keeps the key runs used before breaches were counted.
 */
export function escalationKey(workflowId: string, clock: Pick<Clock, 'id'>, breach: number, level: number, receiverIndex: number): string {
  const episode = breach > 1 ? `${clock.id}#${breach}` : clock.id;
  const receiver = receiverIndex > 0 ? `:${receiverIndex + 1}` : '';
  return `${workflowId}:${episode}:${level}${receiver}`;
}

export const redirectionKey = (workflowId: string, redirects: number): string => `${workflowId}:redirection:${redirects}`;

/** Whether an officer of `role` in `agencyId` is the receiver of an escalation addressed to `receiver`. */
export function isReceiver(receiver: { receiverRole: string; agencyId: string | null }, officer: { role: string; agencyId: string | null }): boolean {
  if (receiver.receiverRole !== officer.role) return false;
  return NATIONAL_ROLES.includes(officer.role as Role) || receiver.agencyId === officer.agencyId;
}

/** Every (stage, level) receiver a policy can produce, with the scope it needs: an agency's or the national one. */
export function ladderReceivers(policy: Pick<SlaPolicyVersion, 'escalation'>): { subject: EscalationSubject; level: number; role: Role; scope: 'national' | 'agency' }[] {
  const out: { subject: EscalationSubject; level: number; role: Role; scope: 'national' | 'agency' }[] = [];
  for (const stage of OFFICER_STAGES) {
    for (const step of policy.escalation) {
      const national = stage === 'verification';
      for (const receiver of rungReceivers(step, { stage, agencyId: national ? null : 'agency' })) {
        const scope = receiver.agencyId === null || NATIONAL_ROLES.includes(receiver.role) ? 'national' : 'agency';
        out.push({ subject: stage, level: step.level, role: receiver.role, scope });
      }
    }
  }
  out.push({ subject: 'redirection', level: 1, role: REDIRECTION_RECEIVER.role, scope: 'national' });
  return out;
}

/** Why a ladder would address an escalation to nobody who can acknowledge it; empty when it is sound. */
export function ladderProblems(policy: Pick<SlaPolicyVersion, 'escalation'>, at: string): { field: string; problem: string }[] {
  const problems: { field: string; problem: string }[] = [];
  policy.escalation.forEach((step, i) => {
    if (!ESCALATION_RECEIVER_ROLES.includes(step.receiverRole)) {
      problems.push({
        field: `${at}.escalation[${i}].receiverRole`,
        problem: `'${String(step.receiverRole)}' cannot receive escalations; use one of ${ESCALATION_RECEIVER_ROLES.join(', ')}`,
      });
    }
    if (step.nationalReceiverRole !== undefined && !(ESCALATION_RECEIVER_ROLES.includes(step.nationalReceiverRole) && NATIONAL_ROLES.includes(step.nationalReceiverRole))) {
      problems.push({
        field: `${at}.escalation[${i}].nationalReceiverRole`,
        problem: `'${String(step.nationalReceiverRole)}' is not a national role that receives escalations (${ESCALATION_RECEIVER_ROLES.filter((r) => NATIONAL_ROLES.includes(r)).join(', ')})`,
      });
    }
  });
  return problems;
}
