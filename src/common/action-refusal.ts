// What the complaint's workflow said when it refused an action, in the caller's language: its failure
// carries [illegal-transition facts, wording] as details (workflows/complaint.workflow.ts `refusing`).
import type { ApplicationFailure } from '@temporalio/client';
import { ILLEGAL_TRANSITION, type IllegalTransitionDetails, type RefusalWording } from '../../workflows/messages.js';
import { message, type Message, type MessageKey } from '../i18n/messages.js';

/** Every key the lifecycle words its refusals with is a catalog key (checked here by the compiler). */
const catalogKey = (wording: RefusalWording): MessageKey => wording.key;

/** The refusal as a Message; the failure's English text when it carries no wording (an older worker). */
export function actionRefusal(failure: ApplicationFailure): Message | string {
  const [facts, wording] = (failure.details ?? []) as [IllegalTransitionDetails | null | undefined, RefusalWording | null | undefined];
  if (failure.type === ILLEGAL_TRANSITION && facts) {
    const allowed = facts.allowedActions.length > 0 ? facts.allowedActions.join(', ') : message('conflict.noActions');
    return message('conflict.illegalTransition', { action: facts.action, state: facts.state, allowed });
  }
  if (wording) return message(catalogKey(wording), wording.params);
  return failure.message;
}
