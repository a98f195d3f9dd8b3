// The SLA report per agency or per province of the complaints' place: on-time shares, follow-up
// completion and escalations by level, as charts and a table, with the same rows as a CSV download.
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, download, unwrap } from '../api/client';
import { BarChart } from '../components/bar-chart';
import { ErrorNote, Field, Loading } from '../components/ui';
import { useI18n } from '../i18n';
import { localDate, NATIONAL_TIME_ZONE } from '../time';

const daysAgo = (days: number) => localDate(new Date(Date.now() - days * 86_400_000), NATIONAL_TIME_ZONE);

const MONTHS_SHOWN = 6;

/** The first days of the last months (oldest first) and of the next one: [from, to) of each month. */
function monthStarts(count: number): string[] {
  const [year, month] = localDate(new Date(), NATIONAL_TIME_ZONE).split('-').map(Number);
  return Array.from({ length: count + 1 }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - (count - 1) + i, 1));
    return d.toISOString().slice(0, 10);
  });
}

/** Escalations fired on the complaints received each month, by level: one report per month. */
function EscalationsOverTime() {
  const { t, lang } = useI18n();
  const starts = monthStarts(MONTHS_SHOWN);
  const months = useQueries({
    queries: starts.slice(0, -1).map((from, i) => ({
      queryKey: ['sla-report', from, starts[i + 1]],
      queryFn: () => unwrap(api.GET('/v1/reports/sla', { params: { query: { from, to: starts[i + 1] } } })),
    })),
  });
  const label = (from: string) => new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${from}T12:00:00Z`));
  const error = months.find((m) => m.error)?.error;
  if (error) return <ErrorNote error={error} />;
  if (months.some((m) => !m.data)) return <Loading />;
  return (
    <>
      {[1, 2, 3].map((level) => {
        const bars = months.map((m, i) => ({ label: label(starts[i]), value: m.data!.totals.escalations[String(level)] ?? 0 }));
        return <BarChart key={level} title={t.reports.escalationsOverTime(level)} unit="" max={Math.max(1, ...bars.map((b) => b.value))} noValue={t.reports.noValue} bars={bars} />;
      })}
    </>
  );
}

export function ReportsPage() {
  const { t } = useI18n();
  const [from, setFrom] = useState(daysAgo(30));
  const [to, setTo] = useState(daysAgo(-1));
  const [groupBy, setGroupBy] = useState<'agency' | 'province'>('agency');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const report = useQuery({
    queryKey: ['sla-report', from, to, groupBy],
    queryFn: () => unwrap(api.GET('/v1/reports/sla', { params: { query: { from, to, groupBy } } })),
  });
  const rows = report.data?.rows ?? [];
  const byProvince = report.data?.groupBy === 'province';
  const name = (row: { agencyName: string | null; provinceCode?: string; provinceName?: string | null }) =>
    byProvince ? (row.provinceName ?? (row.provinceCode === 'unknown' ? t.reports.unknownProvince : row.provinceCode ?? '—')) : (row.agencyName ?? t.reports.nationalVerification);
  const csv = () => download(api.GET('/v1/reports/sla', { params: { query: { from, to, groupBy, format: 'csv' } }, parseAs: 'blob' }), 'sla.csv').catch(setDownloadError);
  return (
    <section>
      <h1>{t.reports.title}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t.reports.period}>
        <Field label={t.reports.from}>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label={t.reports.to}>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <Field label={t.reports.groupBy}>
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as 'agency' | 'province')}>
            <option value="agency">{t.reports.byAgency}</option>
            <option value="province">{t.reports.byProvince}</option>
          </select>
        </Field>
        <button type="button" onClick={() => void csv()}>{t.common.downloadCsv}</button>
      </form>
      <p className="note">{t.reports.periodNote}</p>
      <ErrorNote error={report.error ?? downloadError} />
      {report.isPending ? <Loading /> : rows.length === 0 ? <p>{t.reports.empty}</p> : (
        <>
          <div className="charts">
            <BarChart title={t.reports.verifiedOnTime} unit="%" max={100} noValue={t.reports.noValue} bars={rows.map((r) => ({ label: name(r), value: r.verifiedOnTimePct }))} />
            <BarChart title={t.reports.followUpCompletion} unit="%" max={100} noValue={t.reports.noValue} bars={rows.map((r) => ({ label: name(r), value: r.followUpCompletionPct }))} />
            <BarChart title={t.reports.resolvedOnTime} unit="%" max={100} noValue={t.reports.noValue} bars={rows.map((r) => ({ label: name(r), value: r.resolvedOnTimePct }))} />
            <EscalationsOverTime />
          </div>
          <table>
            <caption>{byProvince ? t.reports.tableByProvince : t.reports.table}</caption>
            <thead>
              <tr>
                <th scope="col">{byProvince ? t.reports.province : t.queue.agency}</th>
                <th scope="col">{t.reports.received}</th>
                <th scope="col">{t.reports.verified}</th>
                <th scope="col">{t.reports.verifiedOnTime}</th>
                <th scope="col">{t.reports.followUpCompletion}</th>
                <th scope="col">{t.reports.resolvedOnTime}</th>
                <th scope="col">{t.reports.satisfaction}</th>
                <th scope="col">{t.reports.escalationsByLevel}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.provinceCode ?? r.agencyId ?? 'national'}>
                  <th scope="row">{name(r)}</th>
                  <td>{r.received}</td>
                  <td>{r.verified}</td>
                  <td>{r.verifiedOnTimePct ?? '—'}</td>
                  <td>{r.followUpCompletionPct ?? '—'}</td>
                  <td>{r.resolvedOnTimePct ?? '—'}</td>
                  <td>{r.meanSatisfaction ?? '—'}</td>
                  <td>{[1, 2, 3].map((l) => r.escalations[String(l)] ?? 0).join(' / ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
