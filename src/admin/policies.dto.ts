import { ApiProperty } from '@nestjs/swagger';
import { describeRule } from '../../activities/business-calendar.js';
import { COMPLEXITIES, type DeadlineRule, type SlaPolicyVersion } from '../../workflows/messages.js';

export class DeadlineRuleView {
  @ApiProperty({ type: 'integer', nullable: true, example: 3, description: 'Indonesian working days, or null for an exact duration' }) workingDays!: number | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'ISO-8601 duration, or null for working days' }) duration!: string | null;
  @ApiProperty({ example: '3 working days' }) description!: string;
  @ApiProperty({ example: 'LAPOR! FAQ: reports are verified within 3 working days', description: 'The regulation or practice it comes from' }) source!: string;
}

export class StageTargetView {
  @ApiProperty({ example: 'verification', enum: ['verification', 'assignment', 'firstFollowUp', 'resolution', 'clarification', 'feedback'] }) stage!: string;
  @ApiProperty({ type: String, nullable: true, enum: COMPLEXITIES, description: 'For resolution: the complexity the verifier chose' }) complexity!: string | null;
  @ApiProperty({ type: DeadlineRuleView }) target!: DeadlineRuleView;
}

export class LadderStepView {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1 }) level!: number;
  @ApiProperty({ example: 'SUPERVISOR' }) receiverRole!: string;
  @ApiProperty({ type: String, nullable: true, example: 'VERIFIER', description: 'For agency stages, a national role alerted at this rung too' }) nationalReceiverRole!: string | null;
  @ApiProperty({ type: DeadlineRuleView, nullable: true, description: 'After the breach; null: at the breach' }) afterBreach!: DeadlineRuleView | null;
}

export class PolicyVersionView {
  @ApiProperty({ example: '2026.2' }) version!: string;
  @ApiProperty({ example: '2026-12-01T00:00:00+07:00' }) effectiveFrom!: string;
  @ApiProperty({ description: 'The version complaints submitted now get; older versions stay frozen in the complaints submitted under them' }) inForceNow!: boolean;
  @ApiProperty({ example: 'Asia/Jakarta', description: 'Zone of the national stages (verification)' }) nationalTimeZone!: string;
  @ApiProperty({ type: [StageTargetView] }) stages!: StageTargetView[];
  @ApiProperty({ type: DeadlineRuleView, description: 'How long before an officer deadline its owner is reminded' }) reminderBefore!: DeadlineRuleView;
  @ApiProperty({ type: [LadderStepView] }) ladder!: LadderStepView[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Redirects beyond this many escalate to the national admin' }) maxRedirects!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) extensionMaxPerStage!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) extensionMaxWorkingDays!: number;
  @ApiProperty({ example: 'PT1H' }) extensionMaxDuration!: string;
}

const toRuleView = (rule: DeadlineRule): DeadlineRuleView => ({
  workingDays: 'workingDays' in rule ? rule.workingDays : null,
  duration: 'duration' in rule ? rule.duration : null,
  description: describeRule(rule),
  source: rule.source,
});

export function toPolicyVersionView(policy: SlaPolicyVersion, inForceNow: boolean): PolicyVersionView {
  const { resolution, ...single } = policy.deadlines;
  const stage = (name: string, rule: DeadlineRule, complexity: string | null = null) => ({ stage: name, complexity, target: toRuleView(rule) });
  return {
    version: policy.version,
    effectiveFrom: policy.effectiveFrom,
    inForceNow,
    nationalTimeZone: policy.nationalTimeZone,
    stages: [
      stage('verification', single.verification),
      stage('assignment', single.assignment),
      stage('firstFollowUp', single.firstFollowUp),
      ...COMPLEXITIES.map((complexity) => stage('resolution', resolution[complexity], complexity)),
      stage('clarification', single.clarification),
      stage('feedback', single.feedback),
    ],
    reminderBefore: toRuleView(policy.reminderBefore),
    ladder: policy.escalation.map((step) => ({
      level: step.level,
      receiverRole: step.receiverRole,
      nationalReceiverRole: step.nationalReceiverRole ?? null,
      afterBreach: step.afterBreach ? toRuleView(step.afterBreach) : null,
    })),
    maxRedirects: policy.maxRedirects,
    extensionMaxPerStage: policy.extension.maxPerStage,
    extensionMaxWorkingDays: policy.extension.maxWorkingDays,
    extensionMaxDuration: policy.extension.maxDuration,
  };
}
