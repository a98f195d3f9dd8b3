import { Injectable } from '@nestjs/common';
import type { Caller } from '../common/caller.js';
import { titleFrom } from '../complaints/complaint-title.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import type { CreateComplaintDto } from '../complaints/dto/create-complaint.dto.js';
import { message, render, type Locale } from '../i18n/messages.js';
import type { InboundSmsDto, SmsReplyView } from './sms.dto.js';

/** What an SMS that names no place is filed under; the verifier asks the reporter for it. */
export const UNKNOWN_REGENCY = 'Belum disebutkan (SMS 1708)';

/** `LAPOR#<regency>#<report>` names the place; anything else is the report itself. */
export function parseSms(text: string): { regency: string; report: string; named: boolean } {
  const match = /^\s*LAPOR\s*#([^#]{2,120})#([\s\S]+)$/i.exec(text);
  return match ? { regency: match[1].trim(), report: match[2].trim(), named: true } : { regency: UNKNOWN_REGENCY, report: text.trim(), named: false };
}

/** SMS 1708: each message becomes an intake with channel SMS; the reply carries the tracking ID and access code. */
@Injectable()
export class SmsService {
  constructor(private readonly complaints: ComplaintsService) {}

  /** The reply is worded in `locale` (the gateway's Accept-Language; Indonesian by default). */
  async receive(sms: InboundSmsDto, caller: Caller, locale: Locale, idempotencyKey?: string): Promise<SmsReplyView> {
    const { regency, report, named } = parseSms(sms.text);
    const dto: CreateComplaintDto = {
      title: titleFrom(report),
      chronology: report,
      occurredAt: sms.receivedAt ?? new Date().toISOString(),
      location: { regency },
      classification: 'COMPLAINT',
      anonymous: false,
      confidential: false,
      reporter: { phone: sms.from },
    };
    // A named place must be an official regency/city (else 400 on text, with the candidates); an unnamed one is asked for later.
    const { view } = await this.complaints.submit(dto, { caller, idempotencyKey, asSent: sms, placeField: named ? 'text' : null });
    return {
      trackingId: view.trackingId,
      reply: render(message('sms.reply', { trackingId: view.trackingId, accessCode: view.accessCode }), locale),
    };
  }
}
