// SLA policy as data: versions with an effective instant and, per number, where it comes from.
// The version in force at submission is frozen into the complaint's workflow input.
import { readFileSync } from 'node:fs';
import { Duration, IANAZone } from 'luxon';
import { ladderProblems } from '../../workflows/lifecycle/ladder.js';
import { COMPLEXITIES, type DeadlineRule, type SlaPolicyVersion } from '../../workflows/messages.js';

export class SlaPolicyError extends Error {
  constructor(
    file: string,
    /** The field at fault, e.g. `versions[0].deadlines.verification.workingDays`. */
    readonly field: string,
    /** What is wrong with it, in English. */
    readonly problem: string,
  ) {
    super(`SLA policy ${file}: ${field} ${problem}`);
    this.name = 'SlaPolicyError';
  }
}

export class SlaPolicy {
  /** Versions sorted by effective instant, newest first. */
  private readonly versions: SlaPolicyVersion[];

  constructor(versions: SlaPolicyVersion[]) {
    this.versions = [...versions].sort((a, b) => Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom));
  }

  /** Every version, newest first. */
  all(): SlaPolicyVersion[] {
    return [...this.versions];
  }

  /** A version by name: a running complaint keeps the version frozen at its submission. */
  version(name: string): SlaPolicyVersion {
    const version = this.versions.find((v) => v.version === name);
    if (!version) throw new Error(`SLA policy version ${name} is no longer in the policy file; keep old versions for running complaints`);
    return version;
  }

  inForceAt(instant: Date): SlaPolicyVersion {
    const version = this.versions.find((v) => Date.parse(v.effectiveFrom) <= instant.getTime());
    if (!version) throw new Error(`no SLA policy version is in force at ${instant.toISOString()}`);
    return version;
  }
}

export function loadSlaPolicy(file: string): SlaPolicy {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SlaPolicyError(file, '(file)', `cannot be read as JSON: ${(error as Error).message}`);
  }
  return new SlaPolicy(parseVersions(raw, file));
}

/**
 * A policy given as data (a draft for a what-if replay), validated exactly as the file is at boot;
 * `source` names it in errors. Throws SlaPolicyError naming the field.
 */
export function parseSlaPolicy(raw: unknown, source: string): SlaPolicy {
  return new SlaPolicy(parseVersions(raw, source));
}

function parseVersions(raw: unknown, file: string): SlaPolicyVersion[] {
  const fail = (field: string, problem: string): never => {
    throw new SlaPolicyError(file, field, problem);
  };
  const versions = (raw as { versions?: unknown })?.versions;
  if (!Array.isArray(versions) || versions.length === 0) fail('versions', 'must be a non-empty list');
  const seen = new Set<string>();
  return (versions as SlaPolicyVersion[]).map((v, i) => {
    const at = `versions[${i}]`;
    if (!v || typeof v !== 'object' || Array.isArray(v)) fail(at, 'must be an object');
    if (typeof v.version !== 'string' || !v.version) fail(`${at}.version`, 'must be a non-empty string');
    if (seen.has(v.version)) fail(`${at}.version`, `repeats ${v.version}`);
    seen.add(v.version);
    if (typeof v.effectiveFrom !== 'string' || Number.isNaN(Date.parse(v.effectiveFrom))) {
      fail(`${at}.effectiveFrom`, 'must be an ISO-8601 instant');
    }
    if (!IANAZone.isValidZone(v.nationalTimeZone)) fail(`${at}.nationalTimeZone`, 'must be an IANA time zone');
    for (const stage of ['verification', 'assignment', 'firstFollowUp', 'clarification', 'feedback'] as const) {
      checkRule(v.deadlines?.[stage], `${at}.deadlines.${stage}`, fail);
    }
    for (const complexity of COMPLEXITIES) {
      checkRule(v.deadlines?.resolution?.[complexity], `${at}.deadlines.resolution.${complexity}`, fail);
    }
    checkRule(v.reminderBefore, `${at}.reminderBefore`, fail);
    if (!Number.isInteger(v.maxRedirects) || v.maxRedirects < 0) fail(`${at}.maxRedirects`, 'must be a whole number');
    if (!v.extension || typeof v.extension !== 'object') fail(`${at}.extension`, 'is required');
    if (!Number.isInteger(v.extension?.maxPerStage) || v.extension.maxPerStage < 0) {
      fail(`${at}.extension.maxPerStage`, 'must be a whole number');
    }
    if (!Number.isInteger(v.extension.maxWorkingDays) || v.extension.maxWorkingDays < 1) {
      fail(`${at}.extension.maxWorkingDays`, 'must be a positive integer');
    }
    if (typeof v.extension.maxDuration !== 'string' || !Duration.fromISO(v.extension.maxDuration).isValid) {
      fail(`${at}.extension.maxDuration`, 'must be an ISO-8601 duration');
    }
    if (!Array.isArray(v.escalation) || v.escalation.length === 0) fail(`${at}.escalation`, 'must be a non-empty list');
    v.escalation.forEach((step, j) => {
      const where = `${at}.escalation[${j}]`;
      if (!step || typeof step !== 'object') fail(where, 'must be an object');
      if (step.level !== j + 1) fail(`${where}.level`, `must be ${j + 1} (levels climb one by one)`);
      if (typeof step.receiverRole !== 'string' || !step.receiverRole) fail(`${where}.receiverRole`, 'is required');
      if (step.afterBreach !== null) checkRule(step.afterBreach, `${where}.afterBreach`, fail);
    });
    // A policy that would address an escalation to nobody who can acknowledge it never boots.
    for (const { field, problem } of ladderProblems(v, at)) fail(field, problem);
    return v;
  });
}

function checkRule(rule: DeadlineRule | undefined, field: string, fail: (field: string, problem: string) => never): void {
  if (!rule || typeof rule !== 'object') fail(field, 'is required');
  const r = rule as Partial<{ workingDays: unknown; duration: unknown; source: unknown }>;
  if ('workingDays' in r === 'duration' in r) fail(field, 'must give exactly one of workingDays or duration');
  if ('workingDays' in r && !(Number.isInteger(r.workingDays) && (r.workingDays as number) > 0)) {
    fail(`${field}.workingDays`, 'must be a positive integer');
  }
  if ('duration' in r && !(typeof r.duration === 'string' && Duration.fromISO(r.duration).isValid)) {
    fail(`${field}.duration`, 'must be an ISO-8601 duration such as PT30S or P10D');
  }
  if (typeof r.source !== 'string' || !r.source) fail(`${field}.source`, 'must name the regulation or practice it comes from');
}
