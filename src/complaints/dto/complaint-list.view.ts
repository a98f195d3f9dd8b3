import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, CLASSIFICATIONS, COMPLAINT_STATES, COMPLEXITIES } from '../../../workflows/messages.js';
import { scrubPublicText } from '../../publication/public-text.js';
import type { PublicRow, WorkQueueRow } from '../complaints.repository.js';

/** Where it happened. */
export class LocationView {
  @ApiProperty({ example: 'Kota Bandung', description: 'Regency or city (kabupaten/kota)' }) regency!: string;
}

/** Where a complaint happened, as officers and its reporter see it. */
export class ComplaintLocationView extends LocationView {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '32.73',
    description: 'Official area code of the regency/city (config/reference/agencies.json); null when the report named no place (an SMS without LAPOR#<regency>#) or predates matching',
  })
  areaCode!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Coblong', description: 'District (kecamatan), if the report named one' }) district!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '32.73.02' }) districtCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Dago', description: 'Village (kelurahan/desa), if the report named one' }) village!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '32.73.02.1001' }) villageCode!: string | null;
}

/** An agency as answers name it. */
export class AgencyRefView {
  @ApiProperty({ example: 'kemendagri' }) id!: string;
  @ApiProperty({ example: 'Kementerian Dalam Negeri' }) name!: string;
}

/** Longest page of any list (PageQuery.limit). */
export const MAX_PAGE_ITEMS = 200;

export class WorkQueueItem {
  @ApiProperty({ example: 'LPR-7K3M-9Q2X' }) trackingId!: string;
  @ApiProperty({ enum: COMPLAINT_STATES, example: 'DISPOSED' }) status!: string;
  @ApiProperty({ example: 'Jalan berlubang di depan SDN 12' }) title!: string;
  @ApiProperty({ type: LocationView }) location!: LocationView;
  @ApiProperty({ enum: CLASSIFICATIONS, example: 'COMPLAINT' }) classification!: string;
  @ApiProperty({ enum: CHANNELS, example: 'WEB' }) channel!: string;
  @ApiProperty({ type: String, nullable: true, example: 'kemendagri', description: 'null before disposal' }) agencyId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'The liaison officer assigned' }) assigneeId!: string | null;
  @ApiProperty({ type: String, enum: [...COMPLEXITIES, null], nullable: true, example: 'NORMAL' }) complexity!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-11-25T16:59:59.999Z', description: 'Earliest running deadline not yet breached' })
  nextDeadlineAt!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 3, example: 0, description: 'Highest unacknowledged escalation level (0 = none)' }) escalationLevel!: number;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T08:00:00.000Z' }) submittedAt!: string;
}

export class PublicComplaintItem {
  @ApiProperty({ example: 'LPR-7K3M-9Q2X' }) trackingId!: string;
  @ApiProperty({ example: 'Jalan berlubang di depan SDN 12' }) title!: string;
  @ApiProperty({ type: LocationView }) location!: LocationView;
  @ApiProperty({ enum: CLASSIFICATIONS, example: 'COMPLAINT' }) classification!: string;
  @ApiProperty({ enum: COMPLAINT_STATES, example: 'IN_PROGRESS' }) status!: string;
  @ApiProperty({ type: AgencyRefView, nullable: true }) agency!: AgencyRefView | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T08:00:00.000Z' }) submittedAt!: string;
}

/** One page and the cursor of the next (null on the last page). */
export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

/** The cursor of the next page: pass it as `cursor`; null on the last page. */
export const NextCursor = () => ApiProperty({ type: String, nullable: true, example: null, description: 'Pass as `cursor` for the next page; null on the last page' });

export class WorkQueuePage implements PageOf<WorkQueueItem> {
  @ApiProperty({ type: [WorkQueueItem], maxItems: MAX_PAGE_ITEMS }) items!: WorkQueueItem[];
  @NextCursor() nextCursor!: string | null;
}

export class PublicComplaintPage implements PageOf<PublicComplaintItem> {
  @ApiProperty({ type: [PublicComplaintItem], maxItems: MAX_PAGE_ITEMS }) items!: PublicComplaintItem[];
  @NextCursor() nextCursor!: string | null;
}

export function toWorkQueueItem(row: WorkQueueRow): WorkQueueItem {
  return {
    trackingId: row.trackingId,
    status: row.status,
    title: row.title,
    location: { regency: row.regency },
    classification: row.classification,
    channel: row.channel,
    agencyId: row.agencyId,
    assigneeId: row.assigneeId,
    complexity: row.complexity,
    nextDeadlineAt: row.nextDeadlineAt?.toISOString() ?? null,
    escalationLevel: row.escalationLevel,
    submittedAt: row.submittedAt.toISOString(),
  };
}

/** Published text is scrubbed of contact data (phone numbers, e-mail, NIK, links); officers see the original. */
export function toPublicItem(row: PublicRow): PublicComplaintItem {
  return {
    trackingId: row.trackingId,
    title: scrubPublicText(row.title),
    location: { regency: scrubPublicText(row.regency) },
    classification: row.classification,
    status: row.status,
    agency: row.agency,
    submittedAt: row.submittedAt.toISOString(),
  };
}
