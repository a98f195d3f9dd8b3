import { ApiProperty } from '@nestjs/swagger';
import { CLASSIFICATIONS } from '../../../workflows/messages.js';

/** GET services: one service per classification. */
export class Open311ServiceView {
  @ApiProperty({ enum: CLASSIFICATIONS, example: 'COMPLAINT' }) service_code!: string;
  @ApiProperty({ example: 'Pengaduan' }) service_name!: string;
  @ApiProperty({ example: 'Laporan atas pelayanan publik yang tidak sesuai standar atau penyalahgunaan wewenang.' }) description!: string;
  @ApiProperty({ example: false, description: 'No service definition: extra fields go in attribute[…] (occurred_at, anonymous, confidential)' })
  metadata!: boolean;
  @ApiProperty({ example: 'realtime', description: 'The request is created at once; its ID is in the answer' }) type!: string;
  @ApiProperty({ example: 'pengaduan,keluhan,laporan,complaint' }) keywords!: string;
  @ApiProperty({ example: 'SP4N-LAPOR!' }) group!: string;
}

/** GET requests: a non-confidential complaint as an Open311 service request. No reporter data, ever. */
export class Open311ServiceRequestView {
  @ApiProperty({ example: 'LPR-7K3M-9Q2X', description: 'The tracking ID' }) service_request_id!: string;
  @ApiProperty({ enum: ['open', 'closed'], example: 'open' }) status!: 'open' | 'closed';
  @ApiProperty({ example: 'Menunggu verifikasi (SUBMITTED)' }) status_notes!: string;
  @ApiProperty({ example: 'Pengaduan' }) service_name!: string;
  @ApiProperty({ enum: CLASSIFICATIONS, example: 'COMPLAINT' }) service_code!: string;
  @ApiProperty({ example: 'Pengurusan KTP-el tidak selesai setelah 3 bulan', description: 'The complaint title' }) description!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Kementerian Dalam Negeri', description: 'null until disposed to an agency' })
  agency_responsible!: string | null;
  @ApiProperty({ type: String, nullable: true }) service_notice!: string | null;
  @ApiProperty({ example: '2026-11-20T08:00:00.000Z' }) requested_datetime!: string;
  @ApiProperty({ example: '2026-11-20T08:00:01.000Z' }) updated_datetime!: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-11-25T16:59:59.999Z', description: 'The running deadline of the current stage' })
  expected_datetime!: string | null;
  @ApiProperty({ example: 'Kota Bandung', description: 'Regency or city' }) address!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uri',
    example: 'https://lapor.example.go.id/v1/public/complaints/LPR-7K3M-9Q2X/attachments/0b0f5c1e-6f3a-4c55-9a51-3f0f5d2d8e11',
    description: 'The first image a verifier published (metadata removed); null when none is',
  })
  media_url!: string | null;
}

/** POST requests: the new request's ID, and the reporter's access code (shown once). */
export class Open311CreatedView {
  @ApiProperty({ example: 'LPR-7K3M-9Q2X' }) service_request_id!: string;
  @ApiProperty({ example: 'Simpan kode akses ini: lacak laporan di GET /v1/track/LPR-7K3M-9Q2X dengan header X-Access-Code.' })
  service_notice!: string;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Always null: no accounts' }) account_id!: null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Always null: requests are created at once (type realtime)' }) token!: null;
  @ApiProperty({ example: '7K3M-9Q2X-4HTB', description: 'Not in the spec: with the ID it opens GET /v1/track/{id} (header X-Access-Code). Keep it.' })
  access_code!: string;
}

export class Open311ErrorView {
  @ApiProperty({ example: 400, description: 'The HTTP status' }) code!: number;
  @ApiProperty({ example: 'address_string is required: the regency or city (kabupaten/kota) where it happened, at most 120 characters' })
  description!: string;
}
