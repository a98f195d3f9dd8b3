import { applyDecorators, Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ACTION_ROLES, type OfficerAction } from '../access/complaint-access.js';
import { Audited } from '../audit/audited.decorator.js';
import { AcceptsIntegrationClients, CurrentOfficer, Public, Roles } from '../auth/auth.decorators.js';
import { RateLimited } from '../auth/rate-limit.guard.js';
import { CurrentCaller, type Caller } from '../common/caller.js';
import { traceOf } from '../common/request-trace.js';
import type { Officer } from '../auth/officer.js';
import { IDEMPOTENCY_KEY_SCHEMA, IdempotencyKey } from '../common/idempotency-key.decorator.js';
import { ApiCommonErrors, ApiErrors } from '../openapi/api-errors.decorator.js';
import { Idempotent } from '../common/idempotent-request.interceptor.js';
import { RequestLocale } from '../i18n/locale.js';
import type { Locale } from '../i18n/messages.js';
import { ActingOfficer } from './acting-officer.decorator.js';
import { ComplaintsService, type OfficerRequest } from './complaints.service.js';
import { DispositionSuggestionsService } from './disposition-suggestions.service.js';
import { DispositionSuggestionsView } from './dto/disposition-suggestions.view.js';
import {
  AcknowledgeEscalationDto,
  ArchiveComplaintDto,
  AssignLiaisonDto,
  ExtendDeadlineDto,
  RecordFollowUpDto,
  RedirectComplaintDto,
  RequestClarificationDto,
  ResolveComplaintDto,
  VerifyComplaintDto,
} from './dto/actions.dto.js';
import { ComplaintView, SubmittedComplaintAnswer } from './dto/complaint.view.js';
import { ComplaintStatusView } from './dto/complaint-status.view.js';
import { WorkQueuePage } from './dto/complaint-list.view.js';
import { ListComplaintsQuery } from './dto/list-complaints.query.js';
import { CreateComplaintDto } from './dto/create-complaint.dto.js';
import { TrackingIdParam } from './dto/tracking-id.param.js';

const NOT_VISIBLE = 'No complaint with this tracking ID visible to you';

/**
 * What every lifecycle action shares: its URL is its name (POST /v1/complaints/:trackingId/<action>), who may
 * take it, Idempotency-Key, and its answers (200 with the process status; 400, 401, 403, 404, 409, 422).
 */
function LifecycleAction(action: OfficerAction, summary: string) {
  const roles = ACTION_ROLES[action];
  return applyDecorators(
    Post(`:trackingId/${action}`),
    Audited({ action }),
    Roles(...roles),
    HttpCode(HttpStatus.OK),
    Idempotent(),
    ApiOperation({ summary: `${summary} — roles: ${roles.join(', ')}` }),
    ApiOkResponse({ type: ComplaintStatusView, description: 'Done; the complaint process status after it' }),
    ApiErrors(400, [404, NOT_VISIBLE], 413, [409, 'Not allowed in the current state (names it and the allowed actions), or a request with this Idempotency-Key is still in progress']),
  );
}

@ApiTags('complaints')
@ApiBearerAuth()
@ApiCommonErrors()
@Controller({ path: 'complaints', version: '1' })
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly suggestions: DispositionSuggestionsService,
  ) {}

  @Post()
  @Public()
  @AcceptsIntegrationClients({ required: false })
  @RateLimited()
  @ApiOperation({
    summary:
      'Submit a complaint: no account needed (anonymous allowed, channel WEB); partner apps send their X-Api-Key (their channel); channel OFFLINE is an officer (VERIFIER, AGENCY_ADMIN) typing in a paper or phone report',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, schema: IDEMPOTENCY_KEY_SCHEMA, description: 'Repeat a submission safely: the same caller with the same key gets the same complaint and access code' })
  @ApiCreatedResponse({ type: SubmittedComplaintAnswer })
  @ApiErrors(400, [403, 'A channel this caller may not file under'], 413, 422)
  async submit(
    @Body() dto: CreateComplaintDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SubmittedComplaintAnswer> {
    const { view, replayed } = await this.complaints.submit(dto, { caller, idempotencyKey });
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return view;
  }

  @Get()
  @ApiOperation({ operationId: 'listComplaints', summary: 'Work queue: filter by status, agency, assignee, due before, breached, escalation level; soonest deadline first' })
  @ApiOkResponse({ type: WorkQueuePage })
  @ApiErrors(400)
  list(@Query() query: ListComplaintsQuery, @CurrentOfficer() officer: Officer): Promise<WorkQueuePage> {
    return this.complaints.list(query, officer);
  }

  @Get(':trackingId')
  @ApiOperation({ operationId: 'getComplaint', summary: 'The complaint and its live process: state, running deadlines with explanations, escalations' })
  @ApiOkResponse({ type: ComplaintView })
  @ApiErrors(400, [404, NOT_VISIBLE])
  get(@Param() { trackingId }: TrackingIdParam, @CurrentOfficer() officer: Officer, @Req() request: Request, @RequestLocale() locale: Locale): Promise<ComplaintView> {
    return this.complaints.get(trackingId, officer, { path: request.originalUrl, ...traceOf(request) }, locale);
  }

  @Get(':trackingId/disposition-suggestions')
  @Roles(...ACTION_ROLES.verify)
  @ApiOperation({
    operationId: 'getDispositionSuggestions',
    summary: `Verifier: agencies to dispose the complaint to — its regency/city and province governments, then ministries by keywords; verify still takes any agency — roles: ${ACTION_ROLES.verify.join(', ')}`,
  })
  @ApiOkResponse({ type: DispositionSuggestionsView })
  @ApiErrors(400, [404, NOT_VISIBLE])
  dispositionSuggestions(@Param() { trackingId }: TrackingIdParam, @CurrentOfficer() officer: Officer, @RequestLocale() locale: Locale): Promise<DispositionSuggestionsView> {
    return this.suggestions.suggest(trackingId, officer, locale);
  }

  @LifecycleAction('verify', 'Verifier: verify and dispose to the authorised agency')
  verify(
    @Param() { trackingId }: TrackingIdParam,
    @Body() dto: VerifyComplaintDto,
    @ActingOfficer() by: OfficerRequest,
  ): Promise<ComplaintStatusView> {
    return this.complaints.verify(trackingId, dto, by);
  }

  @LifecycleAction('request-clarification', "Officer: ask the reporter for missing details (tunda); the officers' clocks pause")
  requestClarification(
    @Param() { trackingId }: TrackingIdParam,
    @Body() dto: RequestClarificationDto,
    @ActingOfficer() by: OfficerRequest,
  ): Promise<ComplaintStatusView> {
    return this.complaints.requestClarification(trackingId, dto, by);
  }

  @LifecycleAction('archive', 'Verifier: archive (spam, duplicate, out of scope, insufficient information)')
  archive(
    @Param() { trackingId }: TrackingIdParam,
    @Body() dto: ArchiveComplaintDto,
    @ActingOfficer() by: OfficerRequest,
  ): Promise<ComplaintStatusView> {
    return this.complaints.archive(trackingId, dto, by);
  }

  @LifecycleAction('assign', 'Agency admin: assign a liaison officer')
  assign(
    @Param() { trackingId }: TrackingIdParam,
    @Body() dto: AssignLiaisonDto,
    @ActingOfficer() by: OfficerRequest,
  ): Promise<ComplaintStatusView> {
    return this.complaints.assign(trackingId, dto, by);
  }

  @LifecycleAction('redirect', "Agency: redirect to the agency with authority (bukan wewenang); the new agency's clocks start")
  redirect(
    @Param() { trackingId }: TrackingIdParam,
    @Body() dto: RedirectComplaintDto,
    @ActingOfficer() by: OfficerRequest,
  ): Promise<ComplaintStatusView> {
    return this.complaints.redirect(trackingId, dto, by);
  }

  @LifecycleAction('follow-up', 'Liaison: record a follow-up (tindak lanjut)')
  recordFollowUp(
    @Param() { trackingId }: TrackingIdParam,
    @Body() dto: RecordFollowUpDto,
    @ActingOfficer() by: OfficerRequest,
  ): Promise<ComplaintStatusView> {
    return this.complaints.recordFollowUp(trackingId, dto, by);
  }

  @LifecycleAction('resolve', "Liaison: give the final answer; the reporter's feedback clock starts")
  resolve(
    @Param() { trackingId }: TrackingIdParam,
    @Body() dto: ResolveComplaintDto,
    @ActingOfficer() by: OfficerRequest,
  ): Promise<ComplaintStatusView> {
    return this.complaints.resolve(trackingId, dto, by);
  }

  @LifecycleAction('extend-deadline', 'Supervisor: extend a running deadline with a recorded reason (capped by policy)')
  extendDeadline(
    @Param() { trackingId }: TrackingIdParam,
    @Body() dto: ExtendDeadlineDto,
    @ActingOfficer() by: OfficerRequest,
  ): Promise<ComplaintStatusView> {
    return this.complaints.extendDeadline(trackingId, dto, by);
  }

  @LifecycleAction('acknowledge-escalation', 'Receiver: acknowledge an escalation')
  acknowledgeEscalation(
    @Param() { trackingId }: TrackingIdParam,
    @Body() dto: AcknowledgeEscalationDto,
    @ActingOfficer() by: OfficerRequest,
  ): Promise<ComplaintStatusView> {
    return this.complaints.acknowledgeEscalation(trackingId, dto, by);
  }
}
