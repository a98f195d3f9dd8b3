import { ApiProperty } from '@nestjs/swagger';
import { COMPLAINT_STATES, REPORTER_ACTIONS, STAGES } from '../../workflows/messages.js';
import { AgencyRefView } from '../complaints/dto/complaint-list.view.js';
import { CITIZEN_EVENTS } from './citizen-texts.js';

export class CitizenDeadline {
  @ApiProperty({ enum: STAGES, example: 'firstFollowUp' }) stage!: string;
  @ApiProperty({ enum: ['YOU', 'VERIFIER', 'AGENCY'], description: 'Who must act before the deadline' }) awaiting!: 'YOU' | 'VERIFIER' | 'AGENCY';
  @ApiProperty({ format: 'date-time', example: '2026-12-01T23:59:59.999+07:00' }) dueAt!: string;
  @ApiProperty({ description: 'Paused while you are asked for details' }) paused!: boolean;
  @ApiProperty({ description: 'Passed without the awaited action; it has been escalated' }) overdue!: boolean;
  @ApiProperty({ description: 'Counted on calendar data not yet final (a year whose holiday decree is not out); it may move when the decree is loaded' })
  provisional!: boolean;
  @ApiProperty({
    description: 'Why the deadline falls where it does, in your language: the rule, the day counting started, the days not counted and why, pauses and extensions',
    example: 'Jatuh tempo 2026-12-01T23:59:59.999+07:00: 5 hari kerja, dihitung sejak 2026-11-24T10:00:00.000+07:00 (Asia/Jakarta). Tidak dihitung: 2026-11-28 (Sabtu), 2026-11-29 (Minggu).',
  })
  explanation!: string;
}

export class CitizenMessage {
  @ApiProperty({ format: 'date-time', example: '2026-11-24T03:15:00.000Z' }) at!: string;
  @ApiProperty({ enum: CITIZEN_EVENTS })
  type!: string;
  @ApiProperty({ example: 'Tim sudah meninjau lokasi; perbaikan dijadwalkan.' }) text!: string;
}

export class TrackingView {
  @ApiProperty({ example: 'LPR-7K3M-9Q2X' }) trackingId!: string;
  @ApiProperty({ enum: COMPLAINT_STATES, example: 'IN_PROGRESS' }) status!: string;
  @ApiProperty({ example: 'Jalan berlubang di depan SDN 12' }) title!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T08:00:00.000Z' }) submittedAt!: string;
  @ApiProperty({ type: AgencyRefView, nullable: true, description: 'null before disposal' }) agency!: AgencyRefView | null;
  @ApiProperty({ type: [CitizenDeadline] }) deadlines!: CitizenDeadline[];
  @ApiProperty({ type: [CitizenMessage], description: 'Questions to you, follow-ups and answers, oldest first' }) messages!: CitizenMessage[];
  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...REPORTER_ACTIONS] }, example: ['accept', 'dispute'], description: 'What you can do now: POST /v1/track/{trackingId}/<action>' }) allowedActions!: string[];
  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 5, example: null, description: 'Your rating, once you accepted' }) rating!: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    example: null,
    description: 'When you agreed that the Ombudsman evidence pack may name you (POST /v1/track/{trackingId}/ombudsman-consent); null: the pack withholds your identity',
  })
  ombudsmanConsentAt!: string | null;
}
