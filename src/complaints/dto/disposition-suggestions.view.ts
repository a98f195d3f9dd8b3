import { ApiProperty } from '@nestjs/swagger';
import { AGENCY_KINDS, type AgencyKind } from '../../areas/reference-agencies.js';
import { AGENCY_TIME_ZONES, ZONE_LABELS, zoneLabelOf, type ZoneLabel } from '../../calendars/time-zones.js';
import { SUGGESTION_REASONS, type DispositionSuggestion, type SuggestionReason } from '../disposition-suggestions.js';

export class DispositionSuggestionView {
  @ApiProperty({ example: 'pemkab-9103', maxLength: 64, description: 'Pass it as agencyId to verify' }) agencyId!: string;
  @ApiProperty({ example: 'Pemerintah Kabupaten Jayapura', maxLength: 200 }) name!: string;
  @ApiProperty({ enum: AGENCY_KINDS, nullable: true, example: 'REGENCY', description: 'null for a demo stand-in' }) kind!: AgencyKind | null;
  @ApiProperty({ enum: AGENCY_TIME_ZONES, example: 'Asia/Jayapura', description: "The agency's own zone (reference data), in which its deadlines would count" })
  timeZone!: string;
  @ApiProperty({ enum: ZONE_LABELS, example: 'WIT' }) zoneLabel!: ZoneLabel;
  @ApiProperty({
    enum: SUGGESTION_REASONS,
    enumName: 'SuggestionReason',
    example: 'REGENCY_GOVERNMENT',
    description:
      "REGENCY_GOVERNMENT and PROVINCE_GOVERNMENT: the governments of the complaint's place; DEMO_STAND_IN: a demo agency playing the government before it, which has no liaison; KEYWORDS: a ministry or institution whose keywords (config/reference/ministry-keywords.json) the title or chronology mention",
  })
  reason!: SuggestionReason;
  @ApiProperty({ example: 'pemerintah kabupaten/kota tempat kejadian (Kabupaten Jayapura)', description: 'The reason in words, in the language of the request' })
  reasonText!: string;
  @ApiProperty({ type: [String], example: [], description: 'The keywords found (reason KEYWORDS); empty otherwise' }) keywords!: string[];
  @ApiProperty({ type: String, nullable: true, example: null, description: 'DEMO_STAND_IN: the government it plays' }) standInFor!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, example: 0, description: 'Active liaison officers of the agency: with none, nobody there can take the complaint yet' })
  liaisons!: number;
}

export class DispositionSuggestionsView {
  @ApiProperty({ example: 'LPR-7K3Q-X9DM' }) trackingId!: string;
  @ApiProperty({ type: String, nullable: true, example: '91.03', description: "Official code of the complaint's regency/city; null when it has none (then only ministries are suggested)" })
  areaCode!: string | null;
  @ApiProperty({ type: [DispositionSuggestionView], description: 'Regency/city government, province government (each perhaps followed by its demo stand-in), then ministries by keywords, best first' })
  suggestions!: DispositionSuggestionView[];
}

export const toDispositionSuggestionView = (s: DispositionSuggestion, reasonText: string): DispositionSuggestionView => ({
  agencyId: s.id,
  name: s.name,
  kind: s.kind,
  timeZone: s.timeZone,
  zoneLabel: zoneLabelOf(s.timeZone),
  reason: s.reason,
  reasonText,
  keywords: s.keywords,
  standInFor: s.standInFor,
  liaisons: s.liaisons,
});
