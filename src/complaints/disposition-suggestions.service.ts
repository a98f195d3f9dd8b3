import { Injectable } from '@nestjs/common';
import { ComplaintAccessService } from '../access/complaint-access.service.js';
import { provinceCodeOf, ReferenceAreas } from '../areas/reference-areas.js';
import type { Officer } from '../auth/officer.js';
import { NotFoundError } from '../common/domain-errors.js';
import { AgenciesRepository } from '../directory/agencies.repository.js';
import { OfficersRepository } from '../directory/officers.repository.js';
import { message, render, type Locale } from '../i18n/messages.js';
import { ComplaintsRepository } from './complaints.repository.js';
import { loadMinistryKeywords, suggestDispositions, type DispositionSuggestion, type MinistryKeywords, type SuggestableAgency } from './disposition-suggestions.js';
import { toDispositionSuggestionView, type DispositionSuggestionsView } from './dto/disposition-suggestions.view.js';

/** The verifier's disposition suggestions for one complaint (see disposition-suggestions.ts). */
@Injectable()
export class DispositionSuggestionsService {
  private readonly keywords: MinistryKeywords[] = loadMinistryKeywords();

  constructor(
    private readonly complaints: ComplaintsRepository,
    private readonly access: ComplaintAccessService,
    private readonly areas: ReferenceAreas,
    private readonly agencies: AgenciesRepository,
    private readonly officers: OfficersRepository,
  ) {}

  async suggest(trackingId: string, officer: Officer, locale: Locale): Promise<DispositionSuggestionsView> {
    const complaint = await this.complaints.findByTrackingId(trackingId, await this.access.visibleWhere(officer));
    if (!complaint) throw new NotFoundError('notFound.complaint', trackingId);
    const { areaCode } = complaint;
    const areaCodes = areaCode ? [areaCode, provinceCodeOf(areaCode)] : [];
    const standIns = await this.agencies.standInsFor(areaCodes);
    const candidates = [
      ...areaCodes.flatMap((code) => this.areas.governmentOf(code)?.id ?? []),
      ...standIns.map((a) => a.id),
      ...this.keywords.map((k) => k.agencyId),
    ];
    const standInsByArea = new Map<string, SuggestableAgency[]>();
    for (const { areaCode: code, ...agency } of standIns) standInsByArea.set(code!, [...(standInsByArea.get(code!) ?? []), { ...agency, kind: null }]);
    const suggestions = suggestDispositions(
      { areaCode, title: complaint.title, chronology: complaint.chronology },
      {
        governmentOf: (code) => this.areas.governmentOf(code),
        agency: (id) => this.areas.agency(id),
        standIns: standInsByArea,
        liaisons: await this.officers.activeCounts('LIAISON', candidates),
        keywords: this.keywords,
      },
    );
    return {
      trackingId: complaint.trackingId,
      areaCode,
      suggestions: suggestions.map((s) => toDispositionSuggestionView(s, render(this.reasonOf(s, areaCode), locale))),
    };
  }

  private reasonOf(s: DispositionSuggestion, areaCode: string | null) {
    switch (s.reason) {
      case 'REGENCY_GOVERNMENT':
        return message('suggestion.REGENCY_GOVERNMENT', { place: (areaCode && this.areas.regencyByCode(areaCode)?.name) ?? s.name });
      case 'PROVINCE_GOVERNMENT':
        return message('suggestion.PROVINCE_GOVERNMENT', { place: (areaCode && this.areas.regencyByCode(areaCode)?.provinceName) ?? s.name });
      case 'DEMO_STAND_IN':
        return message('suggestion.DEMO_STAND_IN', { agency: (s.standInFor && this.areas.agency(s.standInFor)?.name) ?? s.name });
      case 'KEYWORDS':
        return message('suggestion.KEYWORDS', { keywords: s.keywords.join(', ') });
    }
  }
}
