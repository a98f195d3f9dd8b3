import { ForbiddenException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ComplaintAccessService, type TracedRequest } from '../access/complaint-access.service.js';
import type { Officer } from '../auth/officer.js';
import { callerKey, type Caller } from '../common/caller.js';
import { AppConfig } from '../config/app-config.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, toPage } from '../common/cursor.js';
import { InvalidFieldError, NotFoundError, type PlaceCandidate } from '../common/domain-errors.js';
import { hashRequest } from '../common/request-hash.js';
import { SlaPolicy } from '../policy/sla-policy.js';
import { isReceiver } from '../../workflows/lifecycle/ladder.js';
import { ACTION_UPDATES, type ActionInputs, type Actor, type DeadlineRule } from '../../workflows/messages.js';
import type { OfficerAction } from '../access/complaint-access.js';
import { deriveAccessCode } from './access-code.js';
import { ComplaintProcessService } from './complaint-process.service.js';
import { ComplaintsRepository, type ComplaintRow, type Place, type WorkQueueFilter } from './complaints.repository.js';
import { CalendarsService } from '../calendars/calendars.service.js';
import { intakeChannel } from './intake-channel.js';
import { breachToAcknowledgement } from '../metrics/process-metrics.js';
import type {
  AcknowledgeEscalationDto,
  ArchiveComplaintDto,
  AssignLiaisonDto,
  ExtendDeadlineDto,
  RecordFollowUpDto,
  RedirectComplaintDto,
  RequestClarificationDto,
  ResolveComplaintDto,
  VerifyComplaintDto,
} from './dto/actions.dto.js';
import { toComplaintView, toSubmittedView, type ComplaintView, type SubmittedComplaintAnswer } from './dto/complaint.view.js';
import { toPublicItem, toWorkQueueItem, type PublicComplaintPage, type WorkQueuePage } from './dto/complaint-list.view.js';
import type { ListComplaintsQuery, PageQuery } from './dto/list-complaints.query.js';
import { ReferenceAreas } from '../areas/reference-areas.js';
import type { CreateComplaintDto } from './dto/create-complaint.dto.js';
import { message, type Locale } from '../i18n/messages.js';
import { toComplaintStatusView, type ComplaintStatusView } from './dto/complaint-status.view.js';

export interface SubmitOptions {
  /** Who files: an integration client, an officer (paper or phone reports), or an anonymous client. */
  caller: Caller;
  idempotencyKey?: string;
  /**
   * The request as the client sent it (an SMS, an Open311 form), when the intake derived `dto` from it:
   * a repeat is recognised by what the client sent, not by values the server filled in (e.g. "now").
   */
  asSent?: object;
  /**
   * The request field that names the place (location.regency; Open311's address_string; an SMS's text), for
   * a refusal to name; null when the intake had no place to match (an SMS without LAPOR#<regency>#).
   */
  placeField?: string | null;
}

/** One officer action: who, under which Idempotency-Key. */
export interface OfficerRequest {
  officer: Officer;
  idempotencyKey?: string;
  /** The language the answer's explanations are worded in. */
  locale: Locale;
}

const actorOf = (officer: Officer): Actor => ({ id: officer.id, role: officer.role });

@Injectable()
export class ComplaintsService {
  constructor(
    private readonly complaints: ComplaintsRepository,
    private readonly process: ComplaintProcessService,
    private readonly access: ComplaintAccessService,
    private readonly policy: SlaPolicy,
    private readonly config: AppConfig,
    private readonly calendars: CalendarsService,
    private readonly areas: ReferenceAreas,
  ) {}

  /**
   * Stores the complaint (identity in PostgreSQL only) and starts its workflow. The channel is the
   * caller's. A repeat by the same caller on the same channel with the same Idempotency-Key answers the
   * same complaint and access code (another caller's key never does); starting is idempotent too.
   */
  async submit(
    dto: CreateComplaintDto,
    { caller, idempotencyKey, asSent = dto, placeField = 'location.regency' }: SubmitOptions,
  ): Promise<{ view: SubmittedComplaintAnswer; replayed: boolean }> {
    const channel = intakeChannel(dto.channel, caller);
    const place: Place =
      placeField === null
        ? { regency: dto.location.regency, areaCode: null, district: null, districtCode: null, village: null, villageCode: null }
        : this.place(placeField, dto.location);
    if (dto.agencyId) await this.assertAgency('agencyId', dto.agencyId);
    const id = randomUUID();
    const submittedAt = new Date();
    const { complaint, created } = await this.complaints.createOnce({
      id,
      channel,
      intakeOfficerId: caller.client ? null : (caller.officer?.id ?? null),
      integrationClientId: caller.client?.id ?? null,
      dto,
      place,
      submittedAt,
      policyVersion: this.policy.inForceAt(submittedAt).version,
      idempotency: idempotencyKey ? { scope: `${channel} ${callerKey(caller)}`, key: idempotencyKey, requestHash: hashRequest(asSent) } : undefined,
    });
    await this.process.start(complaint);
    return { view: toSubmittedView(complaint, deriveAccessCode(this.config.accessCodeSecret, complaint.id)), replayed: !created };
  }

  /** An officer's work queue: what they may see, filtered, soonest deadline first, in keyset pages. */
  async list(query: ListComplaintsQuery, officer: Officer): Promise<WorkQueuePage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const { status, agencyId, assigneeId, breached, escalationLevel, open } = query;
    const rows = await this.complaints.listWorkQueue(
      {
        status,
        agencyId,
        assigneeId,
        breached,
        escalationLevel,
        open,
        dueBefore: query.dueBefore ? new Date(query.dueBefore) : undefined,
        atRisk: query.atRisk === undefined ? undefined : await this.atRisk(query.atRisk),
      },
      await this.access.visibleWhere(officer),
      { after: decodeCursor(query.cursor), limit: limit + 1 },
    );
    return toPage(rows, limit, toWorkQueueItem);
  }

  /** How many complaints an officer's work queue holds under `filter` (navigation counts). */
  async count(filter: WorkQueueFilter, officer: Officer): Promise<number> {
    return this.complaints.countWorkQueue(filter, await this.access.visibleWhere(officer));
  }

  /** The at-risk filter as of now (see ListComplaintsQuery.atRisk). */
  async atRisk(value: boolean): Promise<NonNullable<WorkQueueFilter['atRisk']>> {
    return { value, ...(await this.calendars.dueSoon(new Date())) };
  }

  /** Public transparency: non-confidential complaints only, never reporter data. */
  async listPublic(query: PageQuery): Promise<PublicComplaintPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.complaints.listPublic({ after: decodeCursor(query.cursor), limit: limit + 1 });
    return toPage(rows, limit, toPublicItem);
  }

  /** The complaint and its live process; the reporter's identity only for roles allowed to see it (audited). */
  async get(trackingId: string, officer: Officer, request: TracedRequest, locale: Locale): Promise<ComplaintView> {
    const complaint = await this.findVisible(trackingId, officer);
    const reporter = await this.access.reporterIdentity(complaint.id, trackingId, officer, request);
    return toComplaintView(complaint, await this.process.status(complaint), reporter, locale);
  }

  async verify(trackingId: string, dto: VerifyComplaintDto, by: OfficerRequest): Promise<ComplaintStatusView> {
    await this.assertAgency('agencyId', dto.agencyId);
    const { agencyId, classification, complexity } = dto;
    return this.act(trackingId, by, 'verify', { actor: actorOf(by.officer), agencyId, classification, complexity });
  }

  requestClarification(trackingId: string, dto: RequestClarificationDto, by: OfficerRequest): Promise<ComplaintStatusView> {
    return this.act(trackingId, by, 'request-clarification', { actor: actorOf(by.officer), question: dto.question });
  }

  archive(trackingId: string, dto: ArchiveComplaintDto, by: OfficerRequest): Promise<ComplaintStatusView> {
    return this.act(trackingId, by, 'archive', { actor: actorOf(by.officer), reason: dto.reason, note: dto.note });
  }

  assign(trackingId: string, dto: AssignLiaisonDto, by: OfficerRequest): Promise<ComplaintStatusView> {
    return this.act(trackingId, by, 'assign', { actor: actorOf(by.officer), liaisonId: dto.liaisonId }, async (complaint) => {
      // Not yet disposed: the workflow refuses the assignment itself (409 naming the state).
      if (complaint.agencyId && !(await this.complaints.isOfficerOf(dto.liaisonId, 'LIAISON', complaint.agencyId))) {
        throw new InvalidFieldError('liaisonId', message('field.notLiaison', { id: dto.liaisonId }));
      }
    });
  }

  async redirect(trackingId: string, dto: RedirectComplaintDto, by: OfficerRequest): Promise<ComplaintStatusView> {
    await this.assertAgency('toAgencyId', dto.toAgencyId);
    return this.act(trackingId, by, 'redirect', { actor: actorOf(by.officer), toAgencyId: dto.toAgencyId, reason: dto.reason });
  }

  recordFollowUp(trackingId: string, dto: RecordFollowUpDto, by: OfficerRequest): Promise<ComplaintStatusView> {
    return this.act(trackingId, by, 'follow-up', { actor: actorOf(by.officer), text: dto.text });
  }

  resolve(trackingId: string, dto: ResolveComplaintDto, by: OfficerRequest): Promise<ComplaintStatusView> {
    return this.act(trackingId, by, 'resolve', { actor: actorOf(by.officer), answer: dto.answer });
  }

  /** The approving supervisor is the signed-in officer. */
  extendDeadline(trackingId: string, dto: ExtendDeadlineDto, by: OfficerRequest): Promise<ComplaintStatusView> {
    const { workingDays, duration } = dto.extra;
    if ((workingDays === undefined) === (duration === undefined)) {
      throw new InvalidFieldError('extra', message('field.oneExtra'));
    }
    const source = 'supervisor extension';
    const extra: DeadlineRule = workingDays !== undefined ? { workingDays, source } : { duration: duration!, source };
    return this.act(trackingId, by, 'extend-deadline', {
      actor: actorOf(by.officer),
      stage: dto.stage,
      extra,
      reason: dto.reason,
      approvedBy: by.officer.id,
    });
  }

  /** Only the escalation's receiver acknowledges it: its role, for its agency (national roles for any) — 403 otherwise. */
  async acknowledgeEscalation(trackingId: string, dto: AcknowledgeEscalationDto, by: OfficerRequest): Promise<ComplaintStatusView> {
    const input = { actor: actorOf(by.officer), escalationKey: dto.escalationKey, ...(dto.comment ? { comment: dto.comment } : {}) };
    let firstAcknowledgement: { level: number; firedAt: Date } | undefined;
    const view = await this.act(trackingId, by, 'acknowledge-escalation', input, async (complaint) => {
      const escalation = await this.complaints.escalation(complaint.id, dto.escalationKey);
      if (!escalation) throw new InvalidFieldError('escalationKey', message('field.noEscalation', { key: dto.escalationKey }));
      if (!isReceiver(escalation, by.officer)) {
        const scope = (agencyId: string | null) => (agencyId ? message('auth.scopeAgency', { agency: agencyId }) : message('auth.scopeNational'));
        throw new ForbiddenException(
          message('auth.escalationNotYours', {
            receiver: escalation.receiverRole,
            receiverScope: scope(escalation.agencyId),
            role: by.officer.role,
            scope: scope(by.officer.agencyId),
          }),
        );
      }
      if (escalation.acknowledgedAt === null) firstAcknowledgement = escalation;
    });
    if (firstAcknowledgement) {
      breachToAcknowledgement.observe({ level: String(firstAcknowledgement.level) }, (Date.now() - firstAcknowledgement.firedAt.getTime()) / 1000);
    }
    return view;
  }

  /** 404 unless visible to the officer; then the optional check; then the Workflow Update. */
  private async act<A extends OfficerAction>(
    trackingId: string,
    { officer, idempotencyKey, locale }: OfficerRequest,
    action: A,
    input: ActionInputs[A],
    check?: (complaint: ComplaintRow) => Promise<void>,
  ): Promise<ComplaintStatusView> {
    const complaint = await this.findVisible(trackingId, officer);
    await check?.(complaint);
    return toComplaintStatusView(await this.process.update(complaint, ACTION_UPDATES[action], input, { caller: officer.id, idempotencyKey }), locale);
  }

  private async findVisible(trackingId: string, officer: Officer): Promise<ComplaintRow> {
    const complaint = await this.complaints.findByTrackingId(trackingId, await this.access.visibleWhere(officer));
    if (!complaint) throw new NotFoundError('notFound.complaint', trackingId);
    return complaint;
  }

  /** The official regency/city (and district, village) a written place names, or a 400 naming the field with the candidates. */
  private place(field: string, location: CreateComplaintDto['location']): Place {
    const refuse = (at: string, outcome: 'ambiguous' | 'unknown', written: string, candidates: PlaceCandidate[]): never => {
      const list = candidates.map((c) => `${c.name} (${c.within})`).join(', ') || '-';
      throw new InvalidFieldError(at, message(outcome === 'ambiguous' ? 'field.placeAmbiguous' : 'field.placeUnknown', { written: written.trim(), candidates: list }), candidates);
    };
    const match = this.areas.resolveRegency(location.regency);
    if (match.outcome !== 'resolved') {
      return refuse(field, match.outcome, location.regency, match.candidates.map((c) => ({ areaCode: c.areaCode, name: c.name, within: c.provinceName })));
    }
    const { regency } = match;
    const place: Place = { regency: regency.name, areaCode: regency.areaCode, district: null, districtCode: null, village: null, villageCode: null };
    if (location.village !== undefined && location.district === undefined) throw new InvalidFieldError('location.village', message('field.villageNeedsDistrict'));
    if (location.district === undefined) return place;
    const subdistricts = this.areas.subdistricts();
    const inRegency = `${regency.name}, ${regency.provinceName}`;
    const district = subdistricts.matchDistrict(regency.areaCode, location.district);
    if (district.outcome !== 'resolved') {
      return refuse('location.district', district.outcome, location.district, district.candidates.map((c) => ({ areaCode: c.code, name: c.name, within: inRegency })));
    }
    Object.assign(place, { district: district.item.name, districtCode: district.item.code });
    if (location.village === undefined) return place;
    const village = subdistricts.matchVillage(district.item.code, location.village);
    if (village.outcome !== 'resolved') {
      const inDistrict = `${district.item.name}, ${inRegency}`;
      return refuse('location.village', village.outcome, location.village, village.candidates.map((c) => ({ areaCode: c.code, name: c.name, within: inDistrict })));
    }
    return Object.assign(place, { village: village.item.name, villageCode: village.item.code });
  }

  private async assertAgency(field: string, agencyId: string): Promise<void> {
    if (!(await this.complaints.agencyExists(agencyId))) throw new InvalidFieldError(field, message('field.unknownAgency', { id: agencyId }));
  }
}
