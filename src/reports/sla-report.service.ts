import { Injectable } from '@nestjs/common';
import type { Officer } from '../auth/officer.js';
import { InvalidFieldError, NotFoundError } from '../common/domain-errors.js';
import { SlaPolicy } from '../policy/sla-policy.js';
import type { SlaReportQuery } from './dto/sla-report.query.js';
import type { SlaReportView } from './dto/sla-report.view.js';
import { buildSlaRows, reportScope, resolvePeriod } from './sla-figures.js';
import { SlaReportRepository } from './sla-report.repository.js';
import { message } from '../i18n/messages.js';

/** SLA compliance per agency over a submission period, limited to what the officer may see. */
@Injectable()
export class SlaReportService {
  constructor(
    private readonly repository: SlaReportRepository,
    private readonly policy: SlaPolicy,
  ) {}

  async report(officer: Officer, query: SlaReportQuery, now = new Date()): Promise<SlaReportView> {
    const scope = reportScope(officer, query.agency);
    if (!scope) throw (query.agency === undefined ? new NotFoundError('notFound.ownAgency', '') : new NotFoundError('notFound.agency', query.agency));
    const timeZone = this.policy.inForceAt(now).nationalTimeZone;
    const period = resolvePeriod(query, now, timeZone);

    let required: { agencyId: string; agencyName: string } | undefined;
    if (scope.kind === 'agency') {
      const agency = await this.repository.agencyName(scope.agencyId);
      if (!agency) throw new InvalidFieldError('agency', message('field.unknownAgency', { id: scope.agencyId }));
      required = { agencyId: scope.agencyId, agencyName: agency.name };
    }

    const { counts, escalations } = await this.repository.counts({ from: period.from.toJSDate(), to: period.to.toJSDate() }, scope);
    return {
      period: { from: period.from.toISO()!, to: period.to.toISO()!, timeZone },
      agencyId: scope.kind === 'agency' ? scope.agencyId : null,
      generatedAt: now.toISOString(),
      ...buildSlaRows(counts, escalations, required),
    };
  }
}
