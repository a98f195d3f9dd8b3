import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { DayOffKind } from '../../activities/business-calendar.js';
import { DAY_OFF_KINDS } from '../../activities/calendar-data.js';
import type { CalendarYearSummary } from '../calendars/calendars.service.js';
import { worded } from '../i18n/validation-messages.js';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

export class CalendarYearParam {
  @ApiProperty({ type: 'integer', example: 2027, minimum: MIN_YEAR, maximum: MAX_YEAR })
  @Type(() => Number)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year!: number;
}

export class CalendarDayDto {
  @ApiProperty({ example: '2027-01-01', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A date of the uploaded year' })
  @MaxLength(10)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, worded('validation.isoDate'))
  date!: string;

  @ApiProperty({ enum: DAY_OFF_KINDS, description: 'PUBLIC_HOLIDAY (hari libur nasional) or JOINT_LEAVE (cuti bersama)' })
  @IsIn(DAY_OFF_KINDS)
  kind!: DayOffKind;

  @ApiProperty({ example: 'Tahun Baru 2027 Masehi', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

/** One decree year, in the shape of config/calendars/<year>.json. */
export class CalendarYearDto {
  @ApiProperty({ type: 'integer', example: 2027, minimum: MIN_YEAR, maximum: MAX_YEAR, description: 'Must be the year of the URL' })
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year!: number;

  @ApiProperty({ type: 'array', items: { type: 'string', maxLength: 500 }, minItems: 1, maxItems: 20, example: ['SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB tentang Hari Libur Nasional dan Cuti Bersama Tahun 2027'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  decrees!: string[];

  @ApiPropertyOptional({ type: 'array', items: { type: 'string', maxLength: 500 }, maxItems: 20, description: 'Where the list was taken from (the decree publication)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  sources?: string[];

  @ApiPropertyOptional({ description: 'The decree is not out yet: only days fixed by law are listed' })
  @IsOptional()
  @IsBoolean()
  provisional?: boolean;

  @ApiProperty({ type: [CalendarDayDto], maxItems: 100, description: 'National holidays and joint leave, each date once' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  days!: CalendarDayDto[];
}

export class CalendarYearView {
  @ApiProperty({ type: 'integer', example: 2027 }) year!: number;
  @ApiProperty({ enum: ['UPLOAD', 'FILE'], description: 'UPLOAD: uploaded by SYSADMIN (kept in PostgreSQL, overriding the file); FILE: shipped in CALENDAR_DIR' })
  source!: 'UPLOAD' | 'FILE';
  @ApiProperty({ type: [String] }) decrees!: string[];
  @ApiProperty() provisional!: boolean;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'National public holidays (hari libur nasional)' }) publicHolidays!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Joint leave days (cuti bersama)' }) jointLeave!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) uploadedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The SYSADMIN who uploaded it' }) uploadedBy!: string | null;
}

export class RetimeDto {
  @ApiProperty({ example: 'SKB 2027 diterbitkan', maxLength: 500, description: "Told in every re-timed deadline's explanation" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class RetimeResultView {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Running complaints whose deadlines were recomputed' }) retimed!: number;
  @ApiProperty({ type: [String], description: 'Complaints that refused, each "<workflow ID>: <why>"' }) failed!: string[];
}

export const toCalendarYearView = (year: CalendarYearSummary): CalendarYearView => ({
  ...year,
  uploadedAt: year.uploadedAt?.toISOString() ?? null,
});
