import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiCommonErrors, ApiErrors } from '../openapi/api-errors.decorator.js';
import { CurrentOfficer, Roles } from '../auth/auth.decorators.js';
import type { Officer } from '../auth/officer.js';
import { SlaReportQuery } from './dto/sla-report.query.js';
import { SlaReportView } from './dto/sla-report.view.js';
import { slaReportCsv, slaReportFilename } from './sla-report.csv.js';
import { SlaReportService } from './sla-report.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@ApiCommonErrors()
@Controller({ path: 'reports', version: '1' })
export class SlaReportController {
  constructor(private readonly reports: SlaReportService) {}

  @Get('sla')
  @Roles('AUDITOR', 'SYSADMIN', 'OMBUDSMAN', 'COMPLAINT_MANAGER', 'AGENCY_ADMIN')
  @ApiOperation({
    summary: 'SLA compliance per agency for complaints submitted in [from, to): on-time verification, follow-up and resolution, response time, satisfaction, escalations',
    description:
      'Agency admins and complaint managers see only their own agency. A deadline counts as met when no DEADLINE_BREACHED event was recorded for its stage. format=csv answers the same rows as a text/csv download.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiExtraModels(SlaReportView)
  @ApiOkResponse({
    description: 'The report (JSON), or with format=csv one line per agency plus a totals line',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(SlaReportView) } },
      'text/csv': {
        schema: { type: 'string' },
        example:
          'period_from,period_to,row_type,agency_id,agency_name,received_count,verified_count,verified_on_time_pct,...,escalations_level_1_count,...\n',
      },
    },
  })
  @ApiErrors([400, 'Bad from, to, agency or format, naming the field'], [404, "Not the caller's agency"])
  async sla(@CurrentOfficer() officer: Officer, @Query() query: SlaReportQuery): Promise<SlaReportView | StreamableFile> {
    const report = await this.reports.report(officer, query);
    if (query.format !== 'csv') return report;
    return new StreamableFile(Buffer.from(slaReportCsv(report), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${slaReportFilename(report)}"`,
    });
  }
}
