// One complaint: its facts, the reporter where the role may see them, every deadline with its
// explanation, escalations, a timeline, and the actions the state allows.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, idempotencyKey, unwrap } from '../api/client';
import { AcknowledgeForm } from '../components/acknowledge';
import { ComplaintAttachments } from '../components/attachments';
import { agencyName, useAgencies, zoneOf } from '../components/reference';
import { Countdown, ErrorNote, Loading, When } from '../components/ui';
import { useI18n } from '../i18n';
import { session } from '../session';
import { formatDate, zoneLabel } from '../time';
import { REPORTER_STAGES } from '../../../workflows/lifecycle/vocabulary';
import { ComplaintActions } from './complaint-actions';
import type { Schema } from '../api/schemas';

type ComplaintStatus = Schema<'ComplaintStatusView'>;
type RunningDeadline = Schema<'RunningDeadlineView'>;
type ComplaintView = Schema<'ComplaintView'>;

type Stage = RunningDeadline['stage'];

function DeadlineCard({ deadline }: { deadline: RunningDeadline }) {
  const { t, lang } = useI18n();
  const zone = deadline.explanation.timeZone;
  const x = deadline.explanation;
  const daysOff = new Set(x.skipped.map((d) => d.date));
  return (
    <li className={`deadline${deadline.breached ? ' breached' : ''}`}>
      <h3>{t.stages[deadline.stage as Stage] ?? deadline.stage}</h3>
      <p>
        {t.complaint.dueAt} <When at={deadline.dueAt} zone={zone} /> —{' '}
        {deadline.paused ? <strong>{t.complaint.paused}</strong> : <Countdown dueAt={deadline.dueAt} zone={zone} daysOff={daysOff} calendarDays={REPORTER_STAGES.includes(deadline.stage)} />}
        {deadline.provisional && <> · {t.complaint.provisional}</>}
      </p>
      <details>
        <summary>{t.complaint.why}</summary>
        <dl>
          <dt>{t.complaint.startAt}</dt>
          <dd><When at={x.startAt} zone={zone} /></dd>
          <dt>{t.complaint.rule}</dt>
          <dd>{x.rule} ({x.source})</dd>
          <dt>{t.complaint.zone}</dt>
          <dd>{zoneLabel(zone)} ({zone})</dd>
          <dt>{t.complaint.skipped}</dt>
          <dd>
            {x.skipped.length === 0 ? t.complaint.noneSkipped : (
              <ul>
                {x.skipped.map((day) => <li key={day.date}>{formatDate(day.date, lang)}: {day.reason}</li>)}
              </ul>
            )}
          </dd>
          {(x.pauses?.length ?? 0) > 0 && (
            <>
              <dt>{t.complaint.pauses}</dt>
              <dd>
                <ul>
                  {x.pauses!.map((p) => (
                    <li key={p.from}><When at={p.from} zone={zone} /> – <When at={p.to} zone={zone} />: {t.complaint.remained(p.remained)}</li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {deadline.extensions > 0 && (<><dt>{t.complaint.extensions}</dt><dd>{deadline.extensions}</dd></>)}
          {x.notes.length > 0 && (
            <>
              <dt>{t.complaint.notes}</dt>
              <dd><ul>{x.notes.map((note) => <li key={note}>{note}</li>)}</ul></dd>
            </>
          )}
        </dl>
      </details>
    </li>
  );
}

function Escalations({ complaint, process, zone }: { complaint: ComplaintView; process: ComplaintStatus; zone: string }) {
  const { t } = useI18n();
  const officer = session.get()!.officer;
  if (process.escalations.length === 0) return <p>{t.complaint.noEscalations}</p>;
  return (
    <ul className="plain">
      {process.escalations.map((e) => (
        <li key={e.key}>
          {t.escalations.levelFor(e.level, t.roles[e.receiverRole as keyof typeof t.roles] ?? e.receiverRole)} · {t.stages[e.stage as Stage] ?? t.escalations.redirection} ·{' '}
          <When at={e.firedAt} zone={zone} />
          {e.acknowledgedAt ? (
            <> · {t.escalations.acknowledgedBy(e.acknowledgedBy ?? '')} <When at={e.acknowledgedAt} zone={zone} />{e.comment ? ` — “${e.comment}”` : ''}</>
          ) : e.receiverRole === officer.role ? (
            <AcknowledgeForm label={t.escalations.acknowledgeLevel(e.level)}
              acknowledge={(comment) => unwrap(api.POST('/v1/complaints/{trackingId}/acknowledge-escalation', {
                params: { path: { trackingId: complaint.trackingId } }, headers: { 'Idempotency-Key': idempotencyKey() }, body: { escalationKey: e.key, comment },
              }))} />
          ) : (
            <> · {t.escalations.open}</>
          )}
        </li>
      ))}
    </ul>
  );
}

/** What happened so far, from the case's facts; auditors read the full history on the timeline page. */
function Milestones({ complaint, process, zone }: { complaint: ComplaintView; process: ComplaintStatus | null; zone: string }) {
  const { t } = useI18n();
  const f = process?.facts;
  const steps: [string, string | null | undefined][] = [
    [t.complaint.milestones.submitted, complaint.submittedAt],
    [t.complaint.milestones.disposed, f?.disposedAt],
    [t.complaint.milestones.firstResponse, f?.firstResponseAt],
    [t.complaint.milestones.resolved, f?.resolvedAt],
    [t.complaint.milestones.closed, f?.closedAt],
  ];
  return (
    <ol className="timeline">
      {steps.filter(([, at]) => at).map(([label, at]) => (
        <li key={label}>{label}: <When at={at} zone={zone} /></li>
      ))}
      {process?.endedAutomatically && <li>{process.endedAutomatically}</li>}
    </ol>
  );
}

export function ComplaintPage({ trackingId }: { trackingId: string }) {
  const { t } = useI18n();
  const officer = session.get()!.officer;
  const agencies = useAgencies();
  const complaint = useQuery({
    queryKey: ['complaint', trackingId],
    refetchInterval: 10_000,
    queryFn: () => unwrap(api.GET('/v1/complaints/{trackingId}', { params: { path: { trackingId } } })),
  });
  if (complaint.error) return <ErrorNote error={complaint.error} />;
  if (!complaint.data) return <Loading />;
  const c = complaint.data;
  const process = c.process;
  const zone = zoneOf(agencies.data, c.agencyId);
  const yesNo = (v: boolean) => (v ? t.common.yes : t.common.no);
  return (
    <article>
      <p><Link href="/">{t.common.backToQueue}</Link></p>
      <h1>{c.title}</h1>
      <p className="meta">
        <strong>{c.trackingId}</strong> · {t.states[c.status as keyof typeof t.states] ?? c.status} · {c.agencyId ? agencyName(agencies.data, c.agencyId) : t.complaint.notDisposed} ({zoneLabel(zone)})
      </p>
      <div className="columns">
        <section aria-labelledby="facts">
          <h2 id="facts">{t.complaint.facts}</h2>
          <dl>
            <dt>{t.complaint.chronology}</dt><dd className="prose">{c.chronology}</dd>
            <dt>{t.complaint.where}</dt><dd>{c.location.regency}</dd>
            <dt>{t.complaint.when}</dt><dd><When at={c.occurredAt} zone={zone} /></dd>
            <dt>{t.complaint.submittedAt}</dt><dd><When at={c.submittedAt} zone={zone} /></dd>
            <dt>{t.complaint.classification}</dt><dd>{t.classifications[c.classification as keyof typeof t.classifications] ?? c.classification}</dd>
            <dt>{t.complaint.channel}</dt><dd>{c.channel}</dd>
            <dt>{t.complaint.anonymous}</dt><dd>{yesNo(c.anonymous)}</dd>
            <dt>{t.complaint.confidential}</dt><dd>{yesNo(c.confidential)}</dd>
            {c.suggestedAgencyId && (<><dt>{t.complaint.suggestedAgency}</dt><dd>{agencyName(agencies.data, c.suggestedAgencyId)}</dd></>)}
            <dt>{t.complaint.assignee}</dt><dd>{c.assigneeId ?? '—'}</dd>
            <dt>{t.complaint.policy}</dt><dd>{c.policyVersion}</dd>
          </dl>
          {c.reporter && (
            <>
              <h3>{t.complaint.reporter}</h3>
              <p className="note">{t.complaint.reporterAudited}</p>
              <dl>
                <dt>{t.citizen.name}</dt><dd>{c.reporter.name ?? '—'}</dd>
                <dt>{t.citizen.phone}</dt><dd>{c.reporter.phone ?? '—'}</dd>
                <dt>{t.citizen.email}</dt><dd>{c.reporter.email ?? '—'}</dd>
                <dt>{t.citizen.nik}</dt><dd>{c.reporter.nik ?? '—'}</dd>
              </dl>
            </>
          )}
        </section>
        <section aria-labelledby="deadlines">
          <h2 id="deadlines">{t.complaint.deadlines}</h2>
          {!process ? <p>{t.complaint.processUnavailable}</p> : process.deadlines.length === 0 ? <p>{t.complaint.noDeadlines}</p> : (
            <ul className="plain">{process.deadlines.map((d) => <DeadlineCard key={d.clockId} deadline={d} />)}</ul>
          )}
          <h2>{t.complaint.escalations}</h2>
          {process && <Escalations complaint={c} process={process} zone={zone} />}
        </section>
      </div>
      <section aria-labelledby="attachments">
        <h2 id="attachments">{t.attachments.title}</h2>
        <ComplaintAttachments trackingId={c.trackingId} status={process?.state ?? c.status} role={officer.role} />
      </section>
      <section aria-labelledby="actions">
        <h2 id="actions">{t.complaint.actions}</h2>
        {process ? <ComplaintActions complaint={c} process={process} role={officer.role} /> : <p>{t.complaint.processUnavailable}</p>}
      </section>
      <section aria-labelledby="timeline">
        <h2 id="timeline">{t.complaint.timeline}</h2>
        <Milestones complaint={c} process={process} zone={zone} />
        {['AUDITOR', 'SYSADMIN'].includes(officer.role) && <Link href={`/riwayat/${c.trackingId}`}>{t.complaint.fullHistory}</Link>}
      </section>
    </article>
  );
}
