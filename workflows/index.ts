// Workflow bundle entry: every workflow the worker registers.
export { complaintWorkflow } from './complaint.workflow.js';
export { policyReplayWorkflow } from './policy-replay.workflow.js';
