// The auditor's timeline: a complaint's whole history (workflow events and the API audit log).
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { api, download, unwrap } from '../api/client';
import { useAgencies, zoneOf } from '../components/reference';
import { ErrorNote, Field, Loading, When } from '../components/ui';
import { useI18n } from '../i18n';

export function TimelinePage({ trackingId }: { trackingId?: string }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [typed, setTyped] = useState(trackingId ?? '');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const history = useQuery({
    queryKey: ['history', trackingId],
    enabled: Boolean(trackingId),
    queryFn: () => unwrap(api.GET('/v1/audit/complaints/{trackingId}/history', { params: { path: { trackingId: trackingId! } } })),
  });
  // Each step shows in the zone of the complaint's agency (the national zone before disposal).
  const agencies = useAgencies();
  const complaint = useQuery({
    queryKey: ['complaint', trackingId],
    enabled: Boolean(trackingId),
    queryFn: () => unwrap(api.GET('/v1/complaints/{trackingId}', { params: { path: { trackingId: trackingId! } } })),
  });
  const zone = zoneOf(agencies.data, complaint.data?.agencyId);
  const open = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/riwayat/${encodeURIComponent(typed.trim().toUpperCase())}`);
  };
  return (
    <section>
      <h1>{t.timeline.title}</h1>
      <form className="filters" onSubmit={open} aria-label={t.timeline.find}>
        <Field label={t.queue.trackingId}>
          <input required value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="LPR-XXXX-XXXX" />
        </Field>
        <button type="submit">{t.timeline.open}</button>
      </form>
      <ErrorNote error={history.error ?? downloadError} />
      {history.isFetching && <Loading />}
      {history.data && (
        <>
          <p>
            {t.timeline.status(history.data.status, history.data.workflowStatus ?? '—', history.data.runIds.length)}{' '}
            <button type="button" className="link" onClick={() => void download(api.GET('/v1/audit/complaints/{trackingId}/history', { params: { path: { trackingId: history.data.trackingId }, query: { format: 'csv' } }, parseAs: 'blob' }), `${history.data.trackingId}.csv`).catch(setDownloadError)}>
              {t.common.downloadCsv}
            </button>
          </p>
          <ol className="timeline" aria-label={t.timeline.steps}>
            {history.data.steps.map((step, index) => (
              <li key={index} className={step.source}>
                <When at={step.at} zone={zone} precise /> · <span className="tag">{step.source === 'api' ? t.timeline.api : t.timeline.workflow}</span> {step.summary}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
