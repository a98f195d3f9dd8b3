import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { IdempotencyKey } from '../common/idempotency-key.decorator.js';
import type { ComplaintStatus } from '../../workflows/messages.js';
import { ComplaintsService } from './complaints.service.js';
import {
  AcceptAnswerDto,
  AcknowledgeEscalationDto,
  ArchiveComplaintDto,
  AssignLiaisonDto,
  DisputeAnswerDto,
  ExtendDeadlineDto,
  ProvideClarificationDto,
  RecordFollowUpDto,
  RedirectComplaintDto,
  RequestClarificationDto,
  ResolveComplaintDto,
  VerifyComplaintDto,
} from './dto/actions.dto.js';
import { ComplaintView, SubmittedComplaintView } from './dto/complaint.view.js';
import { WorkQueuePage } from './dto/complaint-list.view.js';
import { ListComplaintsQuery } from './dto/list-complaints.query.js';
import { CreateComplaintDto } from './dto/create-complaint.dto.js';
import { TrackingIdParam } from './dto/tracking-id.param.js';

/** Decorators every lifecycle action shares: 200 with the new status, 400, 404 and 409. */
function LifecycleAction(summary: string): MethodDecorator {
  return (target, key, descriptor) => {
    HttpCode(HttpStatus.OK)(target, key, descriptor);
    ApiOperation({ summary })(target, key, descriptor);
    ApiOkResponse({ description: 'Done; the complaint process status after it' })(target, key, descriptor);
    ApiBadRequestResponse({ description: 'Bad input, naming the field' })(target, key, descriptor);
    ApiNotFoundResponse({ description: 'No complaint with this tracking ID' })(target, key, descriptor);
    ApiConflictResponse({ description: 'Not allowed in the current state; names it and the allowed actions' })(target, key, descriptor);
  };
}

@ApiTags('complaints')
@Controller({ path: 'complaints', version: '1' })
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post()
  @ApiOperation({ summary: 'Submit a complaint (reporter, or an officer typing in a paper or phone report)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a submission safely: same key, same complaint' })
  @ApiCreatedResponse({ type: SubmittedComplaintView })
  async submit(
    @Body() dto: CreateComplaintDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SubmittedComplaintView> {
    const { view, replayed } = await this.complaints.submit(dto, idempotencyKey);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return view;
  }

  @Get()
  @ApiOperation({ summary: 'Work queue: filter by status, agency, assignee, due before, breached, escalation level; soonest deadline first' })
  @ApiOkResponse({ type: WorkQueuePage })
  list(@Query() query: ListComplaintsQuery): Promise<WorkQueuePage> {
    return this.complaints.list(query);
  }

  @Get(':trackingId')
  @ApiOperation({ summary: 'The complaint and its live process: state, running deadlines with explanations, escalations' })
  @ApiOkResponse({ type: ComplaintView })
  @ApiNotFoundResponse({ description: 'No complaint with this tracking ID' })
  get(@Param() { trackingId }: TrackingIdParam): Promise<ComplaintView> {
    return this.complaints.get(trackingId);
  }

  @Post(':trackingId/verify')
  @LifecycleAction('Verifier: verify and dispose to the authorised agency')
  verify(@Param() { trackingId }: TrackingIdParam, @Body() dto: VerifyComplaintDto): Promise<ComplaintStatus> {
    return this.complaints.verify(trackingId, dto);
  }

  @Post(':trackingId/request-clarification')
  @LifecycleAction("Officer: ask the reporter for missing details (tunda); the officers' clocks pause")
  requestClarification(@Param() { trackingId }: TrackingIdParam, @Body() dto: RequestClarificationDto): Promise<ComplaintStatus> {
    return this.complaints.requestClarification(trackingId, dto);
  }

  @Post(':trackingId/provide-clarification')
  @LifecycleAction('Reporter: answer the clarification request; paused working time is given back')
  provideClarification(@Param() { trackingId }: TrackingIdParam, @Body() dto: ProvideClarificationDto): Promise<ComplaintStatus> {
    return this.complaints.provideClarification(trackingId, dto);
  }

  @Post(':trackingId/archive')
  @LifecycleAction('Verifier: archive (spam, duplicate, out of scope, insufficient information)')
  archive(@Param() { trackingId }: TrackingIdParam, @Body() dto: ArchiveComplaintDto): Promise<ComplaintStatus> {
    return this.complaints.archive(trackingId, dto);
  }

  @Post(':trackingId/assign')
  @LifecycleAction('Agency admin: assign a liaison officer')
  assign(@Param() { trackingId }: TrackingIdParam, @Body() dto: AssignLiaisonDto): Promise<ComplaintStatus> {
    return this.complaints.assign(trackingId, dto);
  }

  @Post(':trackingId/redirect')
  @LifecycleAction("Agency: redirect to the agency with authority (bukan wewenang); the new agency's clocks start")
  redirect(@Param() { trackingId }: TrackingIdParam, @Body() dto: RedirectComplaintDto): Promise<ComplaintStatus> {
    return this.complaints.redirect(trackingId, dto);
  }

  @Post(':trackingId/follow-up')
  @LifecycleAction('Liaison: record a follow-up (tindak lanjut)')
  recordFollowUp(@Param() { trackingId }: TrackingIdParam, @Body() dto: RecordFollowUpDto): Promise<ComplaintStatus> {
    return this.complaints.recordFollowUp(trackingId, dto);
  }

  @Post(':trackingId/resolve')
  @LifecycleAction("Liaison: give the final answer; the reporter's feedback clock starts")
  resolve(@Param() { trackingId }: TrackingIdParam, @Body() dto: ResolveComplaintDto): Promise<ComplaintStatus> {
    return this.complaints.resolve(trackingId, dto);
  }

  @Post(':trackingId/accept')
  @LifecycleAction('Reporter: accept and rate the answer (1 to 5)')
  accept(@Param() { trackingId }: TrackingIdParam, @Body() dto: AcceptAnswerDto): Promise<ComplaintStatus> {
    return this.complaints.accept(trackingId, dto);
  }

  @Post(':trackingId/dispute')
  @LifecycleAction('Reporter: dispute the answer; the complaint reopens')
  dispute(@Param() { trackingId }: TrackingIdParam, @Body() dto: DisputeAnswerDto): Promise<ComplaintStatus> {
    return this.complaints.dispute(trackingId, dto);
  }

  @Post(':trackingId/extend-deadline')
  @LifecycleAction('Supervisor: extend a running deadline with a recorded reason (capped by policy)')
  extendDeadline(@Param() { trackingId }: TrackingIdParam, @Body() dto: ExtendDeadlineDto): Promise<ComplaintStatus> {
    return this.complaints.extendDeadline(trackingId, dto);
  }

  @Post(':trackingId/acknowledge-escalation')
  @LifecycleAction('Receiver: acknowledge an escalation')
  acknowledgeEscalation(@Param() { trackingId }: TrackingIdParam, @Body() dto: AcknowledgeEscalationDto): Promise<ComplaintStatus> {
    return this.complaints.acknowledgeEscalation(trackingId, dto);
  }
}
