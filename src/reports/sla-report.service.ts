import { Injectable } from '@nestjs/common';
import type { Officer } from '../auth/officer.js';
import { InvalidFieldError, NotFoundError } from '../common/domain-errors.js';
import { SlaPolicy } from '../policy/sla-policy.js';
import type { SlaReportQuery } from './dto/sla-report.query.js';
import type { SlaReportView } from './dto/sla-report.view.js';
import { buildSlaRows, reportScope, resolvePeriod, toAgencyRow, toProvinceRow } from './sla-figures.js';
import { ReferenceAreas } from '../areas/reference-areas.js';
import { SlaReportRepository } from './sla-report.repository.js';
import { message } from '../i18n/messages.js';

/** SLA compliance per agency over a submission period, limited to what the officer may see. */
@Injectable()
export class SlaReportService {
  constructor(
    private readonly repository: SlaReportRepository,
    private readonly policy: SlaPolicy,
    private readonly areas: ReferenceAreas,
  ) {}

  async report(officer: Officer, query: SlaReportQuery, now = new Date()): Promise<SlaReportView> {
    const scope = reportScope(officer, query.agency);
    if (!scope) throw (query.agency === undefined ? new NotFoundError('notFound.ownAgency', '') : new NotFoundError('notFound.agency', query.agency));
    const timeZone = this.policy.inForceAt(now).nationalTimeZone;
    const period = resolvePeriod(query, now, timeZone);

    const groupBy = query.groupBy ?? 'agency';
    let required: { key: string; name: string } | undefined;
    if (scope.kind === 'agency') {
      const agency = await this.repository.agencyName(scope.agencyId);
      if (!agency) throw new InvalidFieldError('agency', message('field.unknownAgency', { id: scope.agencyId }));
      // Grouped by agency, the agency asked for has a row even without complaints.
      if (groupBy === 'agency') required = { key: scope.agencyId, name: agency.name };
    }

    const { counts, escalations } = await this.repository.counts({ from: period.from.toJSDate(), to: period.to.toJSDate() }, scope, groupBy);
    const { rows, totals } = buildSlaRows(counts, escalations, required);
    return {
      period: { from: period.from.toISO()!, to: period.to.toISO()!, timeZone },
      agencyId: scope.kind === 'agency' ? scope.agencyId : null,
      groupBy,
      generatedAt: now.toISOString(),
      rows: groupBy === 'agency' ? rows.map(toAgencyRow) : rows.map((row) => toProvinceRow(row, (code) => this.areas.provinceName(code) ?? null)),
      totals,
    };
  }
}
