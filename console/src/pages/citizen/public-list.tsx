// The public list: verified, non-confidential complaints, newest first; no one's identity.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ErrorNote, Loading, When } from '../../components/ui';
import { useI18n } from '../../i18n';
import { NATIONAL_TIME_ZONE } from '../../time';

export function PublicListPage() {
  const { t } = useI18n();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const page = useQuery({
    queryKey: ['public', cursor],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/v1/public/complaints', { params: { query: { cursor, limit: 20 } } })),
  });
  return (
    <section>
      <h1>{t.citizen.publicTitle}</h1>
      <p>{t.citizen.publicIntro}</p>
      <ErrorNote error={page.error} />
      {page.isPending ? <Loading /> : page.data?.items.length === 0 ? <p>{t.citizen.publicEmpty}</p> : (
        <ul className="cards">
          {page.data?.items.map((c) => (
            <li key={c.trackingId}>
              <h2>{c.title}</h2>
              <p>
                {c.location.regency} · {t.classifications[c.classification as keyof typeof t.classifications] ?? c.classification} ·{' '}
                {t.citizen.statusText[c.status as keyof typeof t.citizen.statusText] ?? c.status}
              </p>
              <p>{c.agency?.name ?? '—'} · <When at={c.submittedAt} zone={NATIONAL_TIME_ZONE} /></p>
            </li>
          ))}
        </ul>
      )}
      <nav className="pager" aria-label={t.queue.paging}>
        <button type="button" disabled={cursors.length < 2} onClick={() => setCursors((c) => c.slice(0, -1))}>{t.queue.previous}</button>
        <span>{t.queue.pageNumber(cursors.length)}</span>
        <button type="button" disabled={!page.data?.nextCursor} onClick={() => setCursors((c) => [...c, page.data?.nextCursor ?? undefined])}>{t.queue.next}</button>
      </nav>
    </section>
  );
}
