import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { booleanQuery, PageQuery } from '../complaints/dto/list-complaints.query.js';

export class ListEscalationsQuery extends PageQuery {
  @ApiPropertyOptional({ default: true, description: 'Only escalations addressed to you — your role, for your agency (true), or every escalation on complaints you may see (false)' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ default: true, description: 'Only those not yet acknowledged' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  open?: boolean;
}

export class EscalationIdParam {
  @ApiProperty({ maxLength: 36, example: '0b9f3c1e-6c0a-4a57-9d0e-2f1f1c9b7a10' })
  @IsUUID('4')
  id!: string;
}

export class EscalationItem {
  @ApiProperty({ example: '0b9f3c1e-6c0a-4a57-9d0e-2f1f1c9b7a10' }) id!: string;
  @ApiProperty({ example: 'complaint-LPR-7K3M-9Q2X:verification-1:1' }) key!: string;
  @ApiProperty({ example: 'LPR-7K3M-9Q2X' }) trackingId!: string;
  @ApiProperty({ example: 'verification' }) stage!: string;
  @ApiProperty({ example: 1, minimum: 1, maximum: 3 }) level!: number;
  @ApiProperty({ example: 'SUPERVISOR' }) receiverRole!: string;
  @ApiProperty({ type: String, nullable: true, example: 'kemendagri' }) agencyId!: string | null;
  @ApiProperty({ description: 'The deadline that was missed (or, past level 1, the ladder rung)' }) dueAt!: string;
  @ApiProperty() firedAt!: string;
  @ApiProperty({ type: String, nullable: true }) acknowledgedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) acknowledgedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The receiver's note when acknowledging" }) acknowledgementComment!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Set when nobody held the receiver role for the agency and the escalation went to the national admin instead' })
  reroutedFrom!: string | null;
}

export class EscalationPage {
  @ApiProperty({ type: [EscalationItem] }) items!: EscalationItem[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
