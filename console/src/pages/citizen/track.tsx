// Tracking for the reporter: status, what happens next and by when, the officers' questions and
// answers, and the reporter's own actions (answer a question, accept and rate, dispute).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'wouter';
import { api, download, idempotencyKey, unwrap } from '../../api/client';
import { TrackedAttachments } from '../../components/attachments';
import { Countdown, ErrorNote, Field, Loading, When } from '../../components/ui';
import { useI18n } from '../../i18n';
import { NATIONAL_TIME_ZONE, zoneOfOffset } from '../../time';
import type { Schema } from '../../api/schemas';

type CitizenDeadline = Schema<'CitizenDeadline'>;
type TrackingView = Schema<'TrackingView'>;

interface Credentials {
  trackingId: string;
  accessCode: string;
}

function NextStep({ deadline }: { deadline: CitizenDeadline }) {
  const { t } = useI18n();
  const zone = zoneOfOffset(deadline.dueAt);
  return (
    <li>
      {t.citizen.awaiting[deadline.awaiting]} {t.citizen.by} <When at={deadline.dueAt} zone={zone} />{' '}
      ({deadline.paused ? t.citizen.pausedForYou : deadline.overdue ? t.citizen.overdue : <Countdown dueAt={deadline.dueAt} zone={zone} calendarDays={deadline.awaiting === 'YOU'} />})
      {deadline.provisional && <> · {t.complaint.provisional}</>}
    </li>
  );
}

function ReporterActions({ view, credentials }: { view: TrackingView; credentials: Credentials }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [answer, setAnswer] = useState('');
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const init = () => ({ params: { path: { trackingId: credentials.trackingId }, header: { 'X-Access-Code': credentials.accessCode, 'Idempotency-Key': idempotencyKey() } } });
  const act = useMutation({
    mutationFn: (action: 'provide-clarification' | 'accept' | 'dispute') => {
      if (action === 'provide-clarification') return unwrap(api.POST('/v1/track/{trackingId}/provide-clarification', { ...init(), body: { answer } }));
      if (action === 'accept') return unwrap(api.POST('/v1/track/{trackingId}/accept', { ...init(), body: { rating, ...(comment ? { comment } : {}) } }));
      return unwrap(api.POST('/v1/track/{trackingId}/dispute', { ...init(), body: { reason } }));
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: ['track'] }),
  });
  const on = (action: 'provide-clarification' | 'accept' | 'dispute') => (event: FormEvent) => {
    event.preventDefault();
    act.mutate(action);
  };
  const allowed = new Set(view.allowedActions);
  return (
    <>
      <ErrorNote error={act.error} />
      {allowed.has('provide-clarification') && (
        <form className="action" onSubmit={on('provide-clarification')} aria-label={t.citizen.answerQuestion}>
          <h3>{t.citizen.answerQuestion}</h3>
          <Field label={t.citizen.yourAnswer}><textarea required rows={4} maxLength={4000} value={answer} onChange={(e) => setAnswer(e.target.value)} /></Field>
          <button type="submit" disabled={act.isPending}>{t.citizen.sendAnswer}</button>
        </form>
      )}
      {allowed.has('accept') && (
        <form className="action" onSubmit={on('accept')} aria-label={t.citizen.accept}>
          <h3>{t.citizen.accept}</h3>
          <fieldset>
            <legend>{t.citizen.rating}</legend>
            <div className="rating">
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n}>
                  <input type="radio" name="rating" value={n} required checked={rating === n} onChange={() => setRating(n)} /> {t.citizen.stars(n)}
                </label>
              ))}
            </div>
          </fieldset>
          <Field label={t.citizen.comment}><textarea rows={2} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} /></Field>
          <button type="submit" disabled={act.isPending}>{t.citizen.acceptSubmit}</button>
        </form>
      )}
      {allowed.has('dispute') && (
        <form className="action" onSubmit={on('dispute')} aria-label={t.citizen.dispute}>
          <h3>{t.citizen.dispute}</h3>
          <Field label={t.citizen.disputeReason}><textarea required rows={3} maxLength={4000} value={reason} onChange={(e) => setReason(e.target.value)} /></Field>
          <button type="submit" disabled={act.isPending}>{t.citizen.disputeSubmit}</button>
        </form>
      )}
    </>
  );
}

/** The Ombudsman evidence pack: the reporter's consent to be named (kept with its time) and the download. */
function OmbudsmanPack({ view, credentials }: { view: TrackingView; credentials: Credentials }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const path = { trackingId: credentials.trackingId };
  const consent = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/track/{trackingId}/ombudsman-consent', { params: { path, header: { 'X-Access-Code': credentials.accessCode } }, body: { consent: true } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['track'] }),
  });
  const pack = () =>
    void download(
      api.GET('/v1/track/{trackingId}/evidence-pack', { params: { path, query: { format: 'pdf' }, header: { 'X-Access-Code': credentials.accessCode } }, parseAs: 'blob' }),
      `evidence-pack-${credentials.trackingId}.pdf`,
    ).catch(setDownloadError);
  return (
    <section className="action" aria-labelledby="ombudsman-pack">
      <h3 id="ombudsman-pack">{t.citizen.ombudsmanTitle}</h3>
      <p>{t.citizen.ombudsmanIntro}</p>
      <ErrorNote error={consent.error ?? downloadError} />
      {view.ombudsmanConsentAt ? (
        <p data-testid="ombudsman-consent">{t.citizen.ombudsmanConsented} <When at={view.ombudsmanConsentAt} zone={view.deadlines[0] ? zoneOfOffset(view.deadlines[0].dueAt) : NATIONAL_TIME_ZONE} />.</p>
      ) : (
        <>
          <p>{t.citizen.ombudsmanConsentHint}</p>
          <button type="button" disabled={consent.isPending} onClick={() => consent.mutate()}>{t.citizen.ombudsmanConsent}</button>{' '}
        </>
      )}
      <button type="button" onClick={pack}>{t.citizen.ombudsmanDownload}</button>
    </section>
  );
}

export function TrackPage() {
  const { t } = useI18n();
  const [search] = useSearchParams();
  const [typed, setTyped] = useState<Credentials>({ trackingId: search.get('id') ?? '', accessCode: '' });
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const tracked = useQuery({
    queryKey: ['track', credentials],
    enabled: credentials !== null,
    refetchInterval: 15_000,
    queryFn: () =>
      unwrap(api.GET('/v1/track/{trackingId}', { params: { path: { trackingId: credentials!.trackingId }, header: { 'X-Access-Code': credentials!.accessCode } } })),
  });
  const open = (event: FormEvent) => {
    event.preventDefault();
    setCredentials({ trackingId: typed.trackingId.trim().toUpperCase(), accessCode: typed.accessCode.trim().toUpperCase() });
  };
  const view = tracked.data;
  return (
    <section className="narrow">
      <h1>{t.citizen.trackTitle}</h1>
      <form onSubmit={open} aria-label={t.citizen.trackTitle}>
        <Field label={t.citizen.trackingId}><input name="trackingId" required value={typed.trackingId} onChange={(e) => setTyped({ ...typed, trackingId: e.target.value })} /></Field>
        <Field label={t.citizen.accessCode}><input name="accessCode" required autoComplete="off" value={typed.accessCode} onChange={(e) => setTyped({ ...typed, accessCode: e.target.value })} /></Field>
        <button type="submit">{t.citizen.open}</button>
      </form>
      <ErrorNote error={tracked.error} />
      {tracked.isFetching && !view && <Loading />}
      {view && (
        <article aria-labelledby="tracked-title">
          <h2 id="tracked-title">{view.title}</h2>
          <p className="status" data-testid="citizen-status">
            {t.citizen.statusNow}: <strong>{t.citizen.statusText[view.status as keyof typeof t.citizen.statusText] ?? view.status}</strong>
            {view.agency && <> · {view.agency.name}</>}
          </p>
          <h3>{t.citizen.next}</h3>
          {view.deadlines.length === 0 ? <p>{t.citizen.nothingPending}</p> : <ul>{view.deadlines.map((d) => <NextStep key={d.stage} deadline={d} />)}</ul>}
          {view.rating !== null && <p>{t.citizen.yourRating(view.rating)}</p>}
          <h3>{t.citizen.messages}</h3>
          {view.messages.length === 0 ? <p>{t.citizen.noMessages}</p> : (
            <ol className="timeline">
              {view.messages.map((m) => (
                <li key={`${m.at}-${m.type}`}>
                  <When at={m.at} zone={view.deadlines[0] ? zoneOfOffset(view.deadlines[0].dueAt) : NATIONAL_TIME_ZONE} /> · <strong>{t.citizen.messageTypes[m.type as keyof typeof t.citizen.messageTypes] ?? m.type}</strong>: {m.text}
                </li>
              ))}
            </ol>
          )}
          <h3>{t.attachments.title}</h3>
          <TrackedAttachments trackingId={credentials!.trackingId} accessCode={credentials!.accessCode} status={view.status} />
          <ReporterActions view={view} credentials={credentials!} />
          <OmbudsmanPack view={view} credentials={credentials!} />
        </article>
      )}
    </section>
  );
}
