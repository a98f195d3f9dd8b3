import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator.js';
import { CurrentOfficer, Roles } from '../auth/auth.decorators.js';
import type { Officer } from '../auth/officer.js';
import { Idempotent } from '../common/idempotent-request.interceptor.js';
import { ApiCommonErrors, ApiErrors } from '../openapi/api-errors.decorator.js';
import { StartWhatIfDto, WhatIfComplaintPage, WhatIfDifferencesQuery, WhatIfIdParam, WhatIfReportQuery, WhatIfReportView, WhatIfRunView } from './dto/what-if.dto.js';
import { whatIfDifferencesCsv, whatIfFilename, whatIfReportCsv } from './what-if.csv.js';
import { WhatIfService } from './what-if.service.js';

const csvFile = (text: string, filename: string) => new StreamableFile(Buffer.from(text, 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${filename}"` });

@ApiTags('reports')
@ApiBearerAuth()
@ApiCommonErrors()
@Roles('AUDITOR', 'SYSADMIN')
@Controller({ path: 'reports/what-if', version: '1' })
export class WhatIfController {
  constructor(private readonly whatIf: WhatIfService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @Idempotent()
  @Audited({ action: 'start-what-if', withBody: true })
  @ApiOperation({
    summary: 'Replay an SLA policy (a version, or a draft policy file) over the complaints submitted in a period — roles: AUDITOR, SYSADMIN',
    description:
      "Runs as a workflow, batch by batch; follow it with GET …/{id}. Each complaint's recorded actions are replayed twice on today's calendar: under its own frozen version and under the what-if one. Running complaints are only read.",
  })
  @ApiAcceptedResponse({ type: WhatIfRunView })
  @ApiErrors([400, 'Unknown policyVersion, an invalid draftPolicy (naming the field), or a period reversed, in the future or longer than 1,098 days'])
  start(@CurrentOfficer() officer: Officer, @Body() dto: StartWhatIfDto): Promise<WhatIfRunView> {
    return this.whatIf.start(officer, dto);
  }

  @Get()
  @ApiOperation({ summary: 'The 50 latest what-if replays, newest first — roles: AUDITOR, SYSADMIN' })
  @ApiOkResponse({ type: [WhatIfRunView] })
  list(): Promise<WhatIfRunView[]> {
    return this.whatIf.list();
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A replay: its progress and the side-by-side report per stage owner and stage (breaches, escalations by level, on-time %) — roles: AUDITOR, SYSADMIN',
    description: 'While it runs (and when cancelled), the rows cover the complaints replayed so far; complete says whether they cover the period.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiExtraModels(WhatIfReportView)
  @ApiOkResponse({
    description: 'The report (JSON), or with format=csv one line per row',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(WhatIfReportView) } },
      'text/csv': { schema: { type: 'string' }, example: 'replay_id,what_if_policy_version,period_from,period_to,complete,row_type,agency_id,agency_name,stage,current_met_count,...\n' },
    },
  })
  @ApiErrors([400, 'Bad id or format, naming the field'], [404, 'No such replay'])
  async report(@Param() { id }: WhatIfIdParam, @Query() query: WhatIfReportQuery): Promise<WhatIfReportView | StreamableFile> {
    const report = await this.whatIf.report(id);
    return query.format === 'csv' ? csvFile(whatIfReportCsv(report), whatIfFilename(report.run, 'report')) : report;
  }

  @Get(':id/differences')
  @ApiOperation({ summary: 'The complaints whose outcome would differ, with both deadlines of each stage that went otherwise and why — roles: AUDITOR, SYSADMIN' })
  @ApiProduces('application/json', 'text/csv')
  @ApiExtraModels(WhatIfComplaintPage)
  @ApiOkResponse({
    description: 'A page by tracking ID (JSON), or with format=csv every one, a line per stage',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(WhatIfComplaintPage) } },
      'text/csv': { schema: { type: 'string' }, example: 'tracking_id,submitted_at,agency_id,current_policy_version,what_if_policy_version,stage,round,...\n' },
    },
  })
  @ApiErrors([400, 'Bad id, limit, offset or format, naming the field'], [404, 'No such replay'])
  async differences(@Param() { id }: WhatIfIdParam, @Query() query: WhatIfDifferencesQuery): Promise<WhatIfComplaintPage | StreamableFile> {
    if (query.format === 'csv') {
      const all = await this.whatIf.differences(id);
      return csvFile(whatIfDifferencesCsv(all.run, all.items), whatIfFilename(all.run, 'differences'));
    }
    const { run: _run, ...page } = await this.whatIf.differences(id, { limit: query.limit ?? 100, offset: query.offset ?? 0 });
    return page;
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.ACCEPTED)
  @Audited({ action: 'cancel-what-if' })
  @ApiOperation({ summary: 'Stop a running replay after its current batch; it becomes CANCELLED and keeps what it replayed — roles: AUDITOR, SYSADMIN' })
  @ApiAcceptedResponse({ type: WhatIfRunView })
  @ApiErrors([400, 'Bad id'], [404, 'No such replay'])
  cancel(@Param() { id }: WhatIfIdParam): Promise<WhatIfRunView> {
    return this.whatIf.cancel(id);
  }
}
