// The live process of a complaint (state, running deadlines with explanations, escalations), as the
// workflow's status query defines it: the one definition, shared with the API and the workflow.
export type { ComplaintStatus, DeadlineExplanation, EscalationSummary, RunningDeadline } from '../../../workflows/lifecycle/types';
