import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { scrubPublicText } from '../../publication/public-text.js';
import type { PublicRow, WorkQueueRow } from '../complaints.repository.js';

export class WorkQueueItem {
  @ApiProperty({ example: 'LPR-7K3M-9Q2X' }) trackingId!: string;
  @ApiProperty() status!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: { regency: 'Kota Bandung' } }) location!: { regency: string };
  @ApiProperty() classification!: string;
  @ApiProperty() channel!: string;
  @ApiPropertyOptional({ nullable: true }) agencyId!: string | null;
  @ApiPropertyOptional({ nullable: true }) assigneeId!: string | null;
  @ApiPropertyOptional({ nullable: true }) complexity!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Earliest running deadline not yet breached' }) nextDeadlineAt!: string | null;
  @ApiProperty({ description: 'Highest unacknowledged escalation level (0 = none)' }) escalationLevel!: number;
  @ApiProperty() submittedAt!: string;
}

export class PublicComplaintItem {
  @ApiProperty({ example: 'LPR-7K3M-9Q2X' }) trackingId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: { regency: 'Kota Bandung' } }) location!: { regency: string };
  @ApiProperty() classification!: string;
  @ApiProperty() status!: string;
  @ApiPropertyOptional({ nullable: true, example: { id: 'kemendagri', name: 'Kementerian Dalam Negeri' } })
  agency!: { id: string; name: string } | null;
  @ApiProperty() submittedAt!: string;
}

/** One page and the cursor of the next (null on the last page). */
export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

export class WorkQueuePage implements PageOf<WorkQueueItem> {
  @ApiProperty({ type: [WorkQueueItem] }) items!: WorkQueueItem[];
  @ApiPropertyOptional({ nullable: true }) nextCursor!: string | null;
}

export class PublicComplaintPage implements PageOf<PublicComplaintItem> {
  @ApiProperty({ type: [PublicComplaintItem] }) items!: PublicComplaintItem[];
  @ApiPropertyOptional({ nullable: true }) nextCursor!: string | null;
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
