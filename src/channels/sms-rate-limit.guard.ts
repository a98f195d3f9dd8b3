import { Injectable } from '@nestjs/common';
import { type Budget, RateLimitGuard, type RateLimitBasis } from '../auth/rate-limit.guard.js';
import type { CallerRequest } from '../common/caller.js';
import { message } from '../i18n/messages.js';

/**
 * An SMS spends the gateway's budget and one of its sender number, counted per gateway: messages forged
 * through one gateway for a number never block that citizen's messages through another.
 */
@Injectable()
export class SmsRateLimitGuard extends RateLimitGuard {
  protected override budgets(request: CallerRequest, basis: RateLimitBasis): Budget[] {
    const from = (request.body as { from?: unknown } | undefined)?.from;
    const gateway = request.integrationClient?.id ?? 'none';
    const sender = typeof from === 'string' ? [{ limiter: this.limiters.address, key: `sms:${gateway}:${from}`, who: message('tooMany.who.senderNumber') }] : [];
    return [...super.budgets(request, basis), ...sender];
  }
}
