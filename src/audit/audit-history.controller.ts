import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiCommonErrors, ApiErrors } from '../openapi/api-errors.decorator.js';
import { Roles } from '../auth/auth.decorators.js';
import { AuditHistoryParams, AuditHistoryQuery, AuditHistoryView } from './audit-history.dto.js';
import { AuditHistoryService } from './audit-history.service.js';
import { RequestLocale } from '../i18n/locale.js';
import type { Locale } from '../i18n/messages.js';

const CSV_EXAMPLE = [
  'at,source,kind,actor_id,actor_role,summary,detail',
  '2026-11-23T14:21:20.178Z,workflow,workflow-started,,,"The complaint workflow started under SLA policy 2026.1, channel WEB, classification COMPLAINT.","{""eventId"":1,""policyVersion"":""2026.1""}"',
  '2026-11-23T14:25:02.511Z,workflow,update,usr-verifier-01,VERIFIER,"VERIFIER usr-verifier-01 verified the complaint and disposed it to an agency (agencyId: kemendagri, complexity: SIMPLE).","{""eventId"":31,""update"":""verify""}"',
].join('\n');

@ApiTags('audit')
@ApiBearerAuth()
@ApiCommonErrors()
@ApiExtraModels(AuditHistoryView)
@Roles('AUDITOR', 'SYSADMIN')
@Controller({ path: 'audit/complaints', version: '1' })
export class AuditHistoryController {
  constructor(private readonly history: AuditHistoryService) {}

  @Get(':trackingId/history')
  @ApiOperation({
    operationId: 'getAuditHistory',
    summary: "Auditor: a complaint's full history — every workflow run's events and the API audit log, oldest first",
    description:
      'Decodes the Temporal event history of every run (across continue-as-new) into readable steps: the start, each accepted ' +
      'Update with its actor, timers, activities (deadlines planned, escalations, notifications), search attributes and ' +
      'the end; merged with the API audit log. Refused Updates never enter history (validators), so they are not here. ' +
      'No reporter identity: Temporal never holds it and the audit log only records that it was viewed. ' +
      '`?format=csv` answers the same steps as a CSV attachment.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'The history (JSON), or with format=csv a CSV attachment with columns at, source, kind, actor_id, actor_role, summary, detail',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AuditHistoryView) } },
      'text/csv': { schema: { type: 'string', example: CSV_EXAMPLE } },
    },
  })
  @ApiErrors([400, 'Bad query, naming the field (format must be json or csv)'], [404, 'No complaint with this tracking ID'])
  async get(
    @Param() { trackingId }: AuditHistoryParams,
    @Query() { format }: AuditHistoryQuery,
    @RequestLocale() locale: Locale,
  ): Promise<AuditHistoryView | StreamableFile> {
    if (format !== 'csv') return this.history.history(trackingId, locale);
    const { filename, csv } = await this.history.historyCsv(trackingId, locale);
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${filename}"`,
    });
  }
}
