import { Injectable } from '@nestjs/common';
import { PUBLICLY_VISIBLE } from '../access/complaint-access.js';
import { AttachmentsRepository } from '../attachments/attachments.repository.js';
import { publicAttachmentPath } from '../attachments/attachments.dto.js';
import type { Caller } from '../common/caller.js';
import { AppConfig } from '../config/app-config.js';
import { InvalidFieldError, NotFoundError } from '../common/domain-errors.js';
import { titleFrom } from '../complaints/complaint-title.js';
import { scrubPublicText } from '../publication/public-text.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import type { CreateComplaintDto, ReporterContactDto } from '../complaints/dto/create-complaint.dto.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Classification, ComplaintState } from '../../workflows/messages.js';
import type { CreateServiceRequestDto } from './dto/create-service-request.dto.js';
import { DEFAULT_REQUESTS, type ListServiceRequestsQuery } from './dto/list-service-requests.query.js';
import type { Open311CreatedView, Open311ServiceRequestView, Open311ServiceView } from './dto/open311.views.js';
import { message, render, type Locale } from '../i18n/messages.js';

/**
 * The service list: one Open311 service per classification; the code is the classification. Names and
 * descriptions come from the catalogs (open311.<code>.name/description); keywords hold both languages.
 */
const SERVICES: Record<Classification, { keywords: string }> = {
  COMPLAINT: { keywords: 'pengaduan,keluhan,laporan,pelayanan publik,complaint' },
  ASPIRATION: { keywords: 'aspirasi,usulan,saran,masukan,aspiration' },
  INFORMATION_REQUEST: { keywords: 'informasi,permintaan informasi,keterbukaan informasi,information request' },
};

const serviceName = (code: Classification, locale: Locale) => render(message(`open311.${code}.name`), locale);

const SERVICE_GROUP = 'SP4N-LAPOR!';

/** The longest date range GET requests answers, and its default (the spec's 90 days). */
const MAX_WINDOW_MS = 90 * 86_400_000;

/** Open311 knows two states; a complaint is closed once it is CLOSED or ARCHIVED. */
const CLOSED_STATES: ComplaintState[] = ['CLOSED', 'ARCHIVED'];


/** What Open311 shows of a complaint: content only, never who reported it. */
const requestSelect = {
  id: true,
  trackingId: true,
  title: true,
  regency: true,
  classification: true,
  status: true,
  submittedAt: true,
  updatedAt: true,
  resolutionDueAt: true,
  agency: { select: { name: true } },
} satisfies Prisma.ComplaintSelect;

type RequestRow = Prisma.ComplaintGetPayload<{ select: typeof requestSelect }>;


/** Open311 GeoReport v2 over the complaint intake and the read model. */
@Injectable()
export class Open311Service {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly prisma: PrismaService,
    private readonly attachments: AttachmentsRepository,
    private readonly config: AppConfig,
  ) {}

  services(locale: Locale): Open311ServiceView[] {
    return (Object.keys(SERVICES) as Classification[]).map((code) => ({
      service_code: code,
      service_name: serviceName(code, locale),
      description: render(message(`open311.${code}.description`), locale),
      metadata: false,
      type: 'realtime',
      keywords: SERVICES[code].keywords,
      group: SERVICE_GROUP,
    }));
  }

  /** Public requests, newest first; service_request_id overrides the other filters (spec). */
  async listRequests(query: ListServiceRequestsQuery, locale: Locale): Promise<Open311ServiceRequestView[]> {
    const where: Prisma.ComplaintWhereInput = query.service_request_id
      ? { ...PUBLICLY_VISIBLE, trackingId: { in: query.service_request_id } }
      : {
          ...PUBLICLY_VISIBLE,
          classification: query.service_code ? { in: query.service_code.map(serviceCode) } : undefined,
          submittedAt: requestedWithin(query),
          status: statusFilter(query.status),
        };
    const rows = await this.prisma.complaint.findMany({
      select: requestSelect,
      where,
      orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
      take: query.limit ?? DEFAULT_REQUESTS,
    });
    return this.withMedia(rows, locale);
  }

  /** One request, as the spec's one-element list. */
  async getRequest(serviceRequestId: string, locale: Locale): Promise<Open311ServiceRequestView[]> {
    const row = await this.prisma.complaint.findFirst({
      select: requestSelect,
      where: { ...PUBLICLY_VISIBLE, trackingId: serviceRequestId.toUpperCase() },
    });
    if (!row) throw new NotFoundError('notFound.serviceRequest', serviceRequestId);
    return this.withMedia([row], locale);
  }

  /** Each request with its media_url: the first image a verifier published, as an absolute URL (one query for all). */
  private async withMedia(rows: RequestRow[], locale: Locale): Promise<Open311ServiceRequestView[]> {
    const images = await this.attachments.firstPublishedImages(rows.map((row) => row.id));
    return rows.map((row) => {
      const image = images.get(row.id);
      return { ...toServiceRequest(row, locale), media_url: image ? `${this.config.publicBaseUrl}${publicAttachmentPath(row.trackingId, image)}` : null };
    });
  }

  /** Submits through the complaint intake under the client app's channel; without attribute[occurred_at] it happened now. */
  async createRequest(dto: CreateServiceRequestDto, caller: Caller, locale: Locale, idempotencyKey?: string): Promise<{ answer: Open311CreatedView[]; replayed: boolean }> {
    const occurredAt = dto.attribute?.occurred_at ?? new Date().toISOString();
    // The key proves who sends; it is not part of what was sent (a rotated key still repeats the same request).
    const { api_key: _key, ...asSent } = dto;
    const complaint = toComplaint(dto, serviceCode(dto.service_code), occurredAt);
    const { view, replayed } = await this.complaints.submit(complaint, { caller, idempotencyKey, asSent, placeField: 'address_string' });
    const answer: Open311CreatedView = {
      service_request_id: view.trackingId,
      service_notice: render(message('open311.notice.accessCode', { trackingId: view.trackingId }), locale),
      account_id: null,
      token: null,
      access_code: view.accessCode,
    };
    return { answer: [answer], replayed };
  }
}

/** A service code of GET services; an unknown one is a 404 (spec). */
function serviceCode(code: string): Classification {
  if (!(code in SERVICES)) throw new NotFoundError('notFound.serviceCode', code);
  return code as Classification;
}

/** The spec's window: at most 90 days; without dates the last 90, with one date the 90 days from or before it. */
function requestedWithin({ start_date, end_date }: ListServiceRequestsQuery): Prisma.DateTimeFilter {
  const end = end_date ? new Date(end_date) : start_date ? new Date(Date.parse(start_date) + MAX_WINDOW_MS) : new Date();
  const start = start_date ? new Date(start_date) : new Date(end.getTime() - MAX_WINDOW_MS);
  if (end.getTime() - start.getTime() > MAX_WINDOW_MS) throw new InvalidFieldError('end_date', message('field.window90Days'));
  if (end < start) throw new InvalidFieldError('end_date', message('field.endBeforeStart'));
  return { gte: start, lte: end };
}

function statusFilter(statuses: readonly string[] | undefined): Prisma.ComplaintWhereInput['status'] {
  const open = statuses?.includes('open') ?? true;
  const closed = statuses?.includes('closed') ?? true;
  if (open === closed) return open ? undefined : { in: [] };
  return closed ? { in: CLOSED_STATES } : { notIn: CLOSED_STATES };
}

function toServiceRequest(row: RequestRow, locale: Locale): Omit<Open311ServiceRequestView, 'media_url'> {
  return {
    service_request_id: row.trackingId,
    status: CLOSED_STATES.includes(row.status) ? 'closed' : 'open',
    status_notes: render(message(`open311.status.${row.status}`), locale),
    service_name: serviceName(row.classification, locale),
    service_code: row.classification,
    // Published text never carries contact data (officers see the original).
    description: scrubPublicText(row.title),
    agency_responsible: row.agency?.name ?? null,
    service_notice: null,
    requested_datetime: row.submittedAt.toISOString(),
    updated_datetime: row.updatedAt.toISOString(),
    // The resolution target the agency was given (still shown when it is overdue); none before disposal.
    expected_datetime: row.resolutionDueAt?.toISOString() ?? null,
    address: scrubPublicText(row.regency),
  };
}

function toComplaint(dto: CreateServiceRequestDto, classification: Classification, occurredAt: string): CreateComplaintDto {
  const name = [dto.first_name, dto.last_name].filter(Boolean).join(' ');
  const contact: ReporterContactDto = { name: name || undefined, email: dto.email, phone: dto.phone };
  const hasContact = Object.values(contact).some((v) => v !== undefined);
  return {
    title: titleFrom(dto.description),
    chronology: dto.description,
    occurredAt,
    location: { regency: dto.address_string },
    classification,
    anonymous: dto.attribute?.anonymous ?? false,
    confidential: dto.attribute?.confidential ?? false,
    reporter: hasContact ? contact : undefined,
  };
}
