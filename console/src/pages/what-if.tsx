// What-if replay of an SLA policy over past complaints (AUDITOR, SYSADMIN): pick a version of the policy
// file or paste a draft, and a period; the replay runs on the server batch by batch (progress shown,
// cancellable); then the side-by-side report per stage owner and stage, the complaints whose outcome
// would differ with both deadlines, and both as CSV.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api, download, unwrap } from '../api/client';
import type { Schema } from '../api/schemas';
import { ErrorNote, Field, Loading, When } from '../components/ui';
import { useI18n } from '../i18n';
import { localDate, NATIONAL_TIME_ZONE, zoneOfOffset } from '../time';

type Run = Schema<'WhatIfRunView'>;
type Side = Schema<'WhatIfSideView'>;
type Row = Schema<'WhatIfRowView'>;

const byId = (id: string) => ({ params: { path: { id } } });
const LEVELS = ['1', '2', '3'];

function StartForm() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const queries = useQueryClient();
  const year = localDate(new Date(), NATIONAL_TIME_ZONE).slice(0, 4);
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(localDate(new Date(Date.now() + 86_400_000), NATIONAL_TIME_ZONE));
  const [policyVersion, setPolicyVersion] = useState('');
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: (draftPolicy: Record<string, unknown> | undefined) =>
      unwrap(api.POST('/v1/reports/what-if', { body: { from, to, ...(policyVersion ? { policyVersion } : {}), ...(draftPolicy ? { draftPolicy } : {}) } })),
    onSuccess: (run) => {
      void queries.invalidateQueries({ queryKey: ['what-if'] });
      navigate(`/simulasi/${run.id}`);
    },
  });
  const submit = () => {
    setDraftError(null);
    if (!draft.trim()) return start.mutate(undefined);
    try {
      start.mutate(JSON.parse(draft) as Record<string, unknown>);
    } catch {
      setDraftError(t.whatIf.draftNotJson);
    }
  };
  return (
    <form className="filters" aria-label={t.whatIf.start} onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Field label={t.whatIf.policyVersion} hint={t.whatIf.policyVersionHint}>
        <input value={policyVersion} onChange={(e) => setPolicyVersion(e.target.value)} placeholder="2026.1" maxLength={64} />
      </Field>
      <Field label={t.whatIf.draft} hint={t.whatIf.draftHint}>
        <textarea rows={4} value={draft} onChange={(e) => setDraft(e.target.value)} spellCheck={false} />
      </Field>
      <Field label={t.reports.from}>
        <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </Field>
      <Field label={t.reports.to}>
        <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </Field>
      <button type="submit" disabled={start.isPending}>{t.whatIf.start}</button>
      {draftError && <p role="alert" className="error">{draftError}</p>}
      <ErrorNote error={start.error} />
    </form>
  );
}

function RunList() {
  const { t } = useI18n();
  const runs = useQuery({ queryKey: ['what-if'], queryFn: () => unwrap(api.GET('/v1/reports/what-if')) });
  if (runs.error) return <ErrorNote error={runs.error} />;
  if (!runs.data) return <Loading />;
  if (runs.data.length === 0) return <p>{t.whatIf.none}</p>;
  return (
    <table>
      <caption>{t.whatIf.runs}</caption>
      <thead>
        <tr>
          <th scope="col">{t.whatIf.policyVersion}</th>
          <th scope="col">{t.reports.period}</th>
          <th scope="col">{t.whatIf.status}</th>
          <th scope="col">{t.whatIf.progress}</th>
          <th scope="col">{t.whatIf.differing}</th>
        </tr>
      </thead>
      <tbody>
        {runs.data.map((run) => (
          <tr key={run.id}>
            <th scope="row"><Link href={`/simulasi/${run.id}`}>{run.policyVersion}</Link></th>
            <td>{run.period.from.slice(0, 10)} – {run.period.to.slice(0, 10)}</td>
            <td>{t.whatIf.statuses[run.status as keyof typeof t.whatIf.statuses] ?? run.status}</td>
            <td>{run.processed} / {run.total}</td>
            <td>{run.differing}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SideCells({ side }: { side: Side }) {
  return (
    <>
      <td>{side.breached}</td>
      <td>{side.onTimePct ?? '—'}</td>
      <td>{LEVELS.map((l) => side.escalations[l] ?? 0).join(' / ')}</td>
    </>
  );
}

function ReportTable({ rows }: { rows: Row[] }) {
  const { t } = useI18n();
  const owner = (r: Row) => (r.rowType === 'total' ? t.whatIf.total : r.agencyId === null ? t.reports.nationalVerification : (r.agencyName ?? r.agencyId));
  const stage = (s: string) => (s === 'redirection' ? t.whatIf.redirection : (t.stages[s as keyof typeof t.stages] ?? s));
  return (
    <table>
      <caption>{t.whatIf.table}</caption>
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>{t.queue.agency}</th>
          <th scope="col" rowSpan={2}>{t.whatIf.stage}</th>
          <th scope="colgroup" colSpan={3}>{t.whatIf.current}</th>
          <th scope="colgroup" colSpan={3}>{t.whatIf.whatIf}</th>
          <th scope="col" rowSpan={2}>{t.whatIf.onTimeChange}</th>
        </tr>
        <tr>
          <th scope="col">{t.whatIf.breaches}</th>
          <th scope="col">{t.whatIf.onTime}</th>
          <th scope="col">{t.reports.escalationsByLevel}</th>
          <th scope="col">{t.whatIf.breaches}</th>
          <th scope="col">{t.whatIf.onTime}</th>
          <th scope="col">{t.reports.escalationsByLevel}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.rowType}:${r.agencyId ?? ''}:${r.stage}`} className={r.breachesChange !== 0 ? 'changed' : undefined}>
            <th scope="row">{owner(r)}</th>
            <td>{stage(r.stage)}</td>
            <SideCells side={r.current} />
            <SideCells side={r.whatIf} />
            <td>{r.onTimePctChange ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One side of a differing stage: what happened, the deadline in its own zone, the escalations. */
function RoundSide({ side }: { side: Schema<'RoundSideView'> | null }) {
  const { t } = useI18n();
  if (!side) return <>{t.whatIf.notRun}</>;
  const levels = Object.entries(side.escalations).map(([level, n]) => (n > 1 ? `${level}×${n}` : level));
  return (
    <>
      {t.whatIf.outcomes[side.outcome as keyof typeof t.whatIf.outcomes] ?? side.outcome} · {t.whatIf.due} <When at={side.dueAt} zone={zoneOfOffset(side.dueAt)} />
      {levels.length > 0 && ` · ${t.whatIf.escalationLevels(levels.join(', '))}`}
    </>
  );
}

function Differences({ run }: { run: Run }) {
  const { t } = useI18n();
  const page = useQuery({
    queryKey: ['what-if', run.id, 'differences', run.processed],
    queryFn: () => unwrap(api.GET('/v1/reports/what-if/{id}/differences', { params: { path: { id: run.id }, query: { limit: 100 } } })),
  });
  if (page.error) return <ErrorNote error={page.error} />;
  if (!page.data) return <Loading />;
  if (page.data.total === 0) return <p>{t.whatIf.noDifferences}</p>;
  return (
    <table>
      <caption>{t.whatIf.differencesCaption(page.data.items.length, page.data.total)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.whatIf.complaint}</th>
          <th scope="col">{t.whatIf.stage}</th>
          <th scope="col">{t.whatIf.current}</th>
          <th scope="col">{t.whatIf.whatIf}</th>
        </tr>
      </thead>
      <tbody>
        {page.data.items.flatMap((c) =>
          c.differences.map((d, i) => (
            <tr key={`${c.trackingId}:${i}`}>
              <th scope="row"><Link href={`/riwayat/${c.trackingId}`}>{c.trackingId}</Link></th>
              <td>{d.stage === null ? t.whatIf.ending : d.stage === 'redirection' ? t.whatIf.redirection : (t.stages[d.stage as keyof typeof t.stages] ?? d.stage)}</td>
              <td>{d.ending ? d.ending.current : <RoundSide side={d.current} />}</td>
              <td title={d.why}>{d.ending ? d.ending.whatIf : <RoundSide side={d.whatIf} />}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

function RunReport({ id }: { id: string }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const report = useQuery({
    queryKey: ['what-if', id],
    queryFn: () => unwrap(api.GET('/v1/reports/what-if/{id}', byId(id))),
    // Progress while it runs: the server updates it after every batch.
    refetchInterval: (query) => (query.state.data?.run.status === 'RUNNING' ? 1000 : false),
  });
  const cancel = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/reports/what-if/{id}/cancel', byId(id))),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['what-if'] }),
  });
  if (report.error) return <ErrorNote error={report.error} />;
  if (!report.data) return <Loading />;
  const { run, rows, complete } = report.data;
  const csv = (part: 'report' | 'differences') =>
    (part === 'report'
      ? download(api.GET('/v1/reports/what-if/{id}', { params: { path: { id }, query: { format: 'csv' } }, parseAs: 'blob' }), 'what-if.csv')
      : download(api.GET('/v1/reports/what-if/{id}/differences', { params: { path: { id }, query: { format: 'csv' } }, parseAs: 'blob' }), 'what-if-differences.csv')
    ).catch(setDownloadError);
  return (
    <section aria-label={t.whatIf.reportOf(run.policyVersion)}>
      <h2>{t.whatIf.reportOf(run.policyVersion)}</h2>
      <p>
        {t.whatIf.statuses[run.status as keyof typeof t.whatIf.statuses] ?? run.status} · {run.period.from.slice(0, 10)} – {run.period.to.slice(0, 10)} ·{' '}
        <progress max={Math.max(1, run.total)} value={run.processed} aria-label={t.whatIf.progress} /> {run.processed} / {run.total} · {t.whatIf.differing}: {run.differing}
      </p>
      {run.error && <p className="error">{run.error}</p>}
      {run.status === 'RUNNING' && <button type="button" onClick={() => cancel.mutate()} disabled={cancel.isPending}>{t.whatIf.cancel}</button>}
      {!complete && run.status !== 'RUNNING' && <p className="note">{t.whatIf.incomplete}</p>}
      <p className="note">{t.whatIf.note}</p>
      <button type="button" onClick={() => void csv('report')}>{t.common.downloadCsv}</button>{' '}
      <button type="button" onClick={() => void csv('differences')}>{t.whatIf.differencesCsv}</button>
      <ErrorNote error={cancel.error ?? downloadError} />
      {rows.length === 0 ? <p>{t.reports.empty}</p> : <ReportTable rows={rows} />}
      <Differences run={run} />
    </section>
  );
}

export function WhatIfPage({ id }: { id?: string }) {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t.whatIf.title}</h1>
      <p className="note">{t.whatIf.intro}</p>
      <StartForm />
      {id ? <RunReport id={id} /> : null}
      <RunList />
    </section>
  );
}
