// Work queues: one page, several views (the verifier's inbox, an agency's queue, a liaison's tasks,
// at-risk and breached complaints), sorted by the soonest deadline, filtered, paged by cursor.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { COMPLAINT_STATES } from '../../../workflows/lifecycle/vocabulary';
import { api, unwrap } from '../api/client';
import { agencyName, useAgencies, zoneOf } from '../components/reference';
import { Countdown, ErrorNote, Field, Loading, When } from '../components/ui';
import { useI18n } from '../i18n';
import type { Messages } from '../i18n/id';
import { NATIONAL_VIEW_ROLES } from '../roles';
import { session, type SignedInOfficer } from '../session';

type ComplaintState = (typeof COMPLAINT_STATES)[number];

interface Filters {
  status?: ComplaintState;
  agencyId?: string;
  assigneeId?: string;
  breached?: boolean;
  escalationLevel?: number;
  atRisk?: boolean;
  open?: boolean;
}

export interface QueueView {
  path: string;
  title: keyof Messages['queue']['titles'];
  /** Filters the view always applies (the officer may add others). */
  fixed(officer: SignedInOfficer): Filters;
}

export const QUEUE_VIEWS: QueueView[] = [
  { path: '/antrian', title: 'all', fixed: () => ({}) },
  { path: '/antrian/verifikasi', title: 'verifierInbox', fixed: () => ({ status: 'SUBMITTED' }) },
  { path: '/antrian/instansi', title: 'agencyQueue', fixed: () => ({}) },
  { path: '/antrian/tugas-saya', title: 'myTasks', fixed: (officer) => ({ assigneeId: officer.id }) },
  // The same questions the navigation counts answer (GET /v1/me/counts), so a badge and its list agree.
  { path: '/antrian/berisiko', title: 'atRisk', fixed: () => ({ atRisk: true }) },
  { path: '/antrian/terlambat', title: 'breached', fixed: () => ({ breached: true, open: true }) },
];

const PAGE_SIZE = 25;

/**
 * The list answer carries only `nextDeadlineAt`: the read model (complaints.next_deadline_at) does not
 * store which stage that deadline belongs to, so the stage awaited is derived from the status, and while
 * the reporter is awaited the next deadline is the reporter's, counted in calendar days.
 */
const REPORTER_WAIT_STATES: readonly string[] = ['AWAITING_CLARIFICATION', 'AWAITING_FEEDBACK'];

export function QueuePage({ view }: { view: QueueView }) {
  const { t } = useI18n();
  const officer = session.get()!.officer;
  const agencies = useAgencies();
  const [chosen, setChosen] = useState<Filters>({});
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const fixed = view.fixed(officer);
  const filters = { ...chosen, ...fixed };
  const page = useQuery({
    queryKey: ['queue', view.path, filters, cursor],
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
    queryFn: () => unwrap(api.GET('/v1/complaints', { params: { query: { ...filters, cursor, limit: PAGE_SIZE } } })),
  });
  const choose = (change: Filters) => {
    setChosen((previous) => ({ ...previous, ...change }));
    setCursors([undefined]);
  };
  const now = new Date();
  return (
    <section>
      <h1>{t.queue.titles[view.title]}</h1>
      <p>{t.queue.intros[view.title]}</p>
      <form className="filters" aria-label={t.queue.filters} onSubmit={(e) => e.preventDefault()}>
        {fixed.status === undefined && (
          <Field label={t.queue.status}>
            <select value={chosen.status ?? ''} onChange={(e) => choose({ status: (e.target.value || undefined) as ComplaintState | undefined })}>
              <option value="">{t.common.any}</option>
              {COMPLAINT_STATES.map((state) => (
                <option key={state} value={state}>
                  {t.states[state]} — {t.stageOfState[state]}
                </option>
              ))}
            </select>
          </Field>
        )}
        {fixed.breached === undefined && (
          <Field label={t.queue.overdue}>
            <select value={chosen.breached === undefined ? '' : String(chosen.breached)} onChange={(e) => choose({ breached: e.target.value === '' ? undefined : e.target.value === 'true' })}>
              <option value="">{t.common.any}</option>
              <option value="true">{t.queue.overdueOnly}</option>
              <option value="false">{t.queue.onTimeOnly}</option>
            </select>
          </Field>
        )}
        <Field label={t.queue.escalationLevel}>
          <select value={chosen.escalationLevel ?? ''} onChange={(e) => choose({ escalationLevel: e.target.value === '' ? undefined : Number(e.target.value) })}>
            <option value="">{t.common.any}</option>
            {[1, 2, 3].map((level) => (
              <option key={level} value={level}>
                {t.queue.levelAtLeast(level)}
              </option>
            ))}
          </select>
        </Field>
        {NATIONAL_VIEW_ROLES.includes(officer.role) && (
          <Field label={t.queue.agency}>
            <select value={chosen.agencyId ?? ''} onChange={(e) => choose({ agencyId: e.target.value || undefined })}>
              <option value="">{t.common.any}</option>
              {agencies.data?.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.name} ({agency.zoneLabel})
                </option>
              ))}
            </select>
          </Field>
        )}
      </form>
      <ErrorNote error={page.error} />
      {page.isPending ? (
        <Loading />
      ) : page.data && page.data.items.length === 0 ? (
        <p>{t.queue.empty}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t.queue.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.queue.trackingId}</th>
              <th scope="col">{t.queue.title}</th>
              <th scope="col">{t.queue.status}</th>
              <th scope="col">{t.queue.stageDue}</th>
              <th scope="col">{t.queue.deadline}</th>
              <th scope="col">{t.queue.escalation}</th>
              <th scope="col">{t.queue.agency}</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.items.map((item) => {
              const zone = zoneOf(agencies.data, item.agencyId);
              const state = item.status as ComplaintState;
              return (
                <tr key={item.trackingId}>
                  <td>
                    <Link href={`/pengaduan/${item.trackingId}`}>{item.trackingId}</Link>
                  </td>
                  <td>{item.title}</td>
                  <td>{t.states[state] ?? item.status}</td>
                  <td>{t.stageOfState[state] ?? '—'}</td>
                  <td>
                    {item.nextDeadlineAt ? (
                      <>
                        <Countdown dueAt={item.nextDeadlineAt} zone={zone} now={now} calendarDays={REPORTER_WAIT_STATES.includes(state)} />
                        <br />
                        <small>
                          <When at={item.nextDeadlineAt} zone={zone} />
                        </small>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{item.escalationLevel > 0 ? <span className="level">{t.queue.level(item.escalationLevel)}</span> : '—'}</td>
                  <td>{agencyName(agencies.data, item.agencyId)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label={t.queue.paging}>
        <button type="button" disabled={cursors.length < 2} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t.queue.previous}
        </button>
        <span>{t.queue.pageNumber(cursors.length)}</span>
        <button type="button" disabled={!page.data?.nextCursor} onClick={() => setCursors((c) => [...c, page.data?.nextCursor ?? undefined])}>
          {t.queue.next}
        </button>
      </nav>
    </section>
  );
}
