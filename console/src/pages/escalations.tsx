// The escalation inbox: what is addressed to the officer's role (and agency), newest first.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { api, download, idempotencyKey, unwrap } from '../api/client';
import { AcknowledgeForm } from '../components/acknowledge';
import { agencyName, useAgencies, zoneOf } from '../components/reference';
import { Countdown, ErrorNote, Field, Loading, When } from '../components/ui';
import { useI18n } from '../i18n';
import { useSession } from '../session';

/** Roles that download the Ombudsman evidence pack of a level-3 escalation (the API checks it again). */
const PACK_ROLES = new Set(['OMBUDSMAN', 'AUDITOR']);

function EvidencePackLinks({ trackingId, onError }: { trackingId: string; onError: (error: unknown) => void }) {
  const { t } = useI18n();
  const get = (format: 'pdf' | 'json') =>
    void download(api.GET('/v1/complaints/{trackingId}/evidence-pack', { params: { path: { trackingId }, query: { format } }, parseAs: 'blob' }), `evidence-pack-${trackingId}.${format}`).catch(onError);
  return (
    <>
      <button type="button" className="link" onClick={() => get('pdf')}>PDF<span className="visually-hidden"> {t.escalations.evidencePackOf(trackingId)}</span></button>{' · '}
      <button type="button" className="link" onClick={() => get('json')}>JSON<span className="visually-hidden"> {t.escalations.evidencePackOf(trackingId)}</span></button>
    </>
  );
}

export function EscalationsPage() {
  const { t } = useI18n();
  const agencies = useAgencies();
  const [open, setOpen] = useState(true);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const packs = PACK_ROLES.has(useSession()?.officer.role ?? '');
  const inbox = useQuery({
    queryKey: ['escalations', open],
    refetchInterval: 10_000,
    queryFn: () => unwrap(api.GET('/v1/escalations', { params: { query: { open, limit: 100 } } })),
  });
  return (
    <section>
      <h1>{t.escalations.title}</h1>
      <p>{t.escalations.intro}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t.queue.filters}>
        <Field label={t.escalations.show}>
          <select value={String(open)} onChange={(e) => setOpen(e.target.value === 'true')}>
            <option value="true">{t.escalations.openOnly}</option>
            <option value="false">{t.escalations.all}</option>
          </select>
        </Field>
      </form>
      <ErrorNote error={inbox.error ?? downloadError} />
      {inbox.isPending ? <Loading /> : inbox.data?.items.length === 0 ? <p>{t.escalations.empty}</p> : (
        <table>
          <caption className="visually-hidden">{t.escalations.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.queue.trackingId}</th>
              <th scope="col">{t.escalations.level}</th>
              <th scope="col">{t.escalations.stage}</th>
              <th scope="col">{t.escalations.missed}</th>
              <th scope="col">{t.queue.agency}</th>
              <th scope="col">{t.escalations.acknowledgement}</th>
              {packs && <th scope="col">{t.escalations.evidencePack}</th>}
            </tr>
          </thead>
          <tbody>
            {inbox.data?.items.map((e) => {
              const zone = zoneOf(agencies.data, e.agencyId);
              return (
                <tr key={e.id}>
                  <td><Link href={`/pengaduan/${e.trackingId}`}>{e.trackingId}</Link></td>
                  <td><span className="level">{t.queue.level(e.level)}</span></td>
                  <td>{t.stages[e.stage as keyof typeof t.stages] ?? t.escalations.redirection}</td>
                  <td>
                    <Countdown dueAt={e.dueAt} zone={zone} /><br />
                    <small><When at={e.dueAt} zone={zone} /></small>
                  </td>
                  <td>{agencyName(agencies.data, e.agencyId)}</td>
                  <td>
                    {e.acknowledgedAt ? (
                      <>{t.escalations.acknowledgedBy(e.acknowledgedBy ?? '')} <When at={e.acknowledgedAt} zone={zone} />{e.acknowledgementComment ? ` — “${e.acknowledgementComment}”` : ''}</>
                    ) : (
                      <AcknowledgeForm label={t.escalations.acknowledgeOn(e.trackingId)}
                        acknowledge={(comment) => unwrap(api.POST('/v1/escalations/{id}/acknowledge', { params: { path: { id: e.id } }, headers: { 'Idempotency-Key': idempotencyKey() }, body: { comment } }))} />
                    )}
                  </td>
                  {packs && <td>{e.level >= 3 && <EvidencePackLinks trackingId={e.trackingId} onError={setDownloadError} />}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
