import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AnonymousRateLimitGuard } from '../auth/anonymous-rate-limit.guard.js';

/** SMS all arrive from the gateway's address: the anonymous budget is counted per sender number instead. */
@Injectable()
export class SmsSenderRateLimitGuard extends AnonymousRateLimitGuard {
  protected override client(request: Request): string {
    const from = (request.body as { from?: unknown } | undefined)?.from;
    return typeof from === 'string' ? `sms:${from}` : super.client(request);
  }
}
