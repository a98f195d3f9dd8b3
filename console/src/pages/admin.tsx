// SYSADMIN's administration: officers, agencies and units, calendar years, policy versions. Every
// change goes through the API, which writes it to the audit log.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../workflows/lifecycle/vocabulary';
import { api, unwrap } from '../api/client';
import type { Schema } from '../api/schemas';
import { agencyName, useAgencies } from '../components/reference';
import { ErrorNote, Field, Loading } from '../components/ui';
import { useI18n } from '../i18n';

type AdminOfficer = Schema<'AdminOfficerView'>;
type Agency = Schema<'AgencyView'>;
type OfficerAction = 'deactivate' | 'reactivate' | 'reset-password';
const byId = (id: string) => ({ params: { path: { id } } });

/** The account actions the API offers, each under its own path. */
async function officerAction(id: string, action: OfficerAction): Promise<{ temporaryPassword?: string }> {
  if (action === 'reset-password') return unwrap(api.POST('/v1/admin/officers/{id}/reset-password', byId(id)));
  await unwrap(action === 'deactivate' ? api.POST('/v1/admin/officers/{id}/deactivate', byId(id)) : api.POST('/v1/admin/officers/{id}/reactivate', byId(id)));
  return {};
}

const TABS = ['officers', 'agencies', 'calendars', 'policies'] as const;
type Tab = (typeof TABS)[number];

/** Change an officer's role or unit (within the officer's agency). */
function ChangeOfficer({ officer, agencies }: { officer: AdminOfficer; agencies: Agency[] | undefined }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [role, setRole] = useState<Role>(officer.role);
  const [unitId, setUnitId] = useState(officer.unitId ?? '');
  const units = agencies?.find((a) => a.id === officer.agencyId)?.units ?? [];
  const change = useMutation({
    mutationFn: () => unwrap(api.PATCH('/v1/admin/officers/{id}', { ...byId(officer.id), body: { role, unitId: unitId || null } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['admin', 'officers'] }),
  });
  return (
    <details>
      <summary>{t.admin.change}</summary>
      <form className="inline" aria-label={t.admin.changeOf(officer.username)} onSubmit={(e) => { e.preventDefault(); change.mutate(); }}>
        <Field label={t.admin.role}>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => <option key={r} value={r}>{t.roles[r]}</option>)}
          </select>
        </Field>
        <Field label={t.actions.unit}>
          <select value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            <option value="">{t.admin.noUnit}</option>
            {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </Field>
        <button type="submit" disabled={change.isPending}>{t.admin.save}</button>
        <ErrorNote error={change.error} />
      </form>
    </details>
  );
}

function Officers() {
  const { t } = useI18n();
  const queries = useQueryClient();
  const agencies = useAgencies();
  const officers = useQuery({ queryKey: ['admin', 'officers'], queryFn: () => unwrap(api.GET('/v1/admin/officers', { params: { query: { limit: 200 } } })) });
  const [draft, setDraft] = useState<Schema<'CreateOfficerDto'>>({ username: '', displayName: '', role: 'LIAISON' });
  const [issued, setIssued] = useState<{ who: string; password: string } | null>(null);
  const refresh = () => queries.invalidateQueries({ queryKey: ['admin', 'officers'] });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/admin/officers', { body: { ...draft, agencyId: draft.agencyId || null, unitId: draft.unitId || null } })),
    onSuccess: (answer) => {
      setIssued({ who: answer.officer.username, password: answer.temporaryPassword });
      void refresh();
    },
  });
  const act = useMutation({
    mutationFn: ({ officer, action }: { officer: AdminOfficer; action: OfficerAction }) => officerAction(officer.id, action).then((answer) => ({ who: officer.username, ...answer })),
    onSuccess: (answer) => {
      if (answer.temporaryPassword) setIssued({ who: answer.who, password: answer.temporaryPassword });
      void refresh();
    },
  });
  const units = agencies.data?.find((a) => a.id === draft.agencyId)?.units ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <>
      <form className="action" onSubmit={submit} aria-label={t.admin.newOfficer}>
        <h2>{t.admin.newOfficer}</h2>
        <Field label={t.signIn.username}><input required value={draft.username} onChange={(e) => setDraft({ ...draft, username: e.target.value })} /></Field>
        <Field label={t.admin.displayName}><input required value={draft.displayName} onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} /></Field>
        <Field label={t.admin.role}>
          <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}>
            {ROLES.map((r) => <option key={r} value={r}>{t.roles[r]}</option>)}
          </select>
        </Field>
        <Field label={t.actions.agency}>
          <select value={draft.agencyId ?? ''} onChange={(e) => setDraft({ ...draft, agencyId: e.target.value, unitId: '' })}>
            <option value="">{t.admin.national}</option>
            {agencies.data?.map((a) => <option key={a.id} value={a.id}>{a.name} ({a.zoneLabel})</option>)}
          </select>
        </Field>
        <Field label={t.actions.unit}>
          <select value={draft.unitId ?? ''} onChange={(e) => setDraft({ ...draft, unitId: e.target.value })}>
            <option value="">{t.admin.noUnit}</option>
            {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </Field>
        <ErrorNote error={create.error} />
        <button type="submit" disabled={create.isPending}>{t.admin.create}</button>
      </form>
      {issued && (
        <p role="status" className="notice">
          {t.admin.temporaryPassword(issued.who)} <code data-testid="temporary-password">{issued.password}</code>
        </p>
      )}
      <ErrorNote error={officers.error ?? act.error} />
      {officers.data && (
        <table>
          <caption>{t.admin.officers}</caption>
          <thead>
            <tr><th scope="col">{t.signIn.username}</th><th scope="col">{t.admin.displayName}</th><th scope="col">{t.admin.role}</th><th scope="col">{t.actions.agency}</th><th scope="col">{t.admin.state}</th><th scope="col">{t.admin.manage}</th></tr>
          </thead>
          <tbody>
            {officers.data.items.map((o) => (
              <tr key={o.id}>
                <td>{o.username}</td>
                <td>{o.displayName}</td>
                <td>{t.roles[o.role]}</td>
                <td>{o.agencyId ? agencyName(agencies.data, o.agencyId) : t.admin.national}</td>
                <td>{o.active ? t.admin.active : t.admin.inactive}</td>
                <td>
                  <button type="button" className="link" onClick={() => act.mutate({ officer: o, action: o.active ? 'deactivate' : 'reactivate' })}>
                    {o.active ? t.admin.deactivate : t.admin.reactivate}
                  </button>{' '}
                  <button type="button" className="link" onClick={() => act.mutate({ officer: o, action: 'reset-password' })}>{t.admin.resetPassword}</button>
                  <ChangeOfficer officer={o} agencies={agencies.data} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Agencies() {
  const { t } = useI18n();
  const queries = useQueryClient();
  const agencies = useAgencies();
  const [agency, setAgency] = useState<Schema<'CreateAgencyDto'>>({ id: '', name: '', timeZone: 'Asia/Jakarta' });
  const [unit, setUnit] = useState({ agencyId: '', id: '', name: '' });
  const refresh = () => queries.invalidateQueries({ queryKey: ['reference'] });
  const createAgency = useMutation({ mutationFn: () => unwrap(api.POST('/v1/admin/agencies', { body: agency })), onSuccess: refresh });
  const createUnit = useMutation({ mutationFn: () => unwrap(api.POST('/v1/admin/agencies/{id}/units', { ...byId(unit.agencyId), body: { id: unit.id, name: unit.name } })), onSuccess: refresh });
  return (
    <>
      <ErrorNote error={agencies.error} />
      <ul className="plain">
        {agencies.data?.map((a) => (
          <li key={a.id}><strong>{a.name}</strong> ({a.id}, {a.zoneLabel}) — {a.units.map((u) => u.name).join('; ') || t.admin.noUnits}</li>
        ))}
      </ul>
      <form className="action" aria-label={t.admin.newAgency} onSubmit={(e) => { e.preventDefault(); createAgency.mutate(); }}>
        <h2>{t.admin.newAgency}</h2>
        <Field label={t.admin.agencyId}><input required pattern="[a-z0-9-]+" value={agency.id} onChange={(e) => setAgency({ ...agency, id: e.target.value })} /></Field>
        <Field label={t.admin.agencyName}><input required value={agency.name} onChange={(e) => setAgency({ ...agency, name: e.target.value })} /></Field>
        <Field label={t.complaint.zone}>
          <select value={agency.timeZone} onChange={(e) => setAgency({ ...agency, timeZone: e.target.value as Agency['timeZone'] })}>
            <option value="Asia/Jakarta">WIB (Asia/Jakarta)</option>
            <option value="Asia/Makassar">WITA (Asia/Makassar)</option>
            <option value="Asia/Jayapura">WIT (Asia/Jayapura)</option>
          </select>
        </Field>
        <ErrorNote error={createAgency.error} />
        <button type="submit">{t.admin.create}</button>
      </form>
      <form className="action" aria-label={t.admin.newUnit} onSubmit={(e) => { e.preventDefault(); createUnit.mutate(); }}>
        <h2>{t.admin.newUnit}</h2>
        <Field label={t.actions.agency}>
          <select required value={unit.agencyId} onChange={(e) => setUnit({ ...unit, agencyId: e.target.value })}>
            <option value="">{t.actions.choose}</option>
            {agencies.data?.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </Field>
        <Field label={t.admin.unitId}><input required pattern="[a-z0-9-]+" value={unit.id} onChange={(e) => setUnit({ ...unit, id: e.target.value })} /></Field>
        <Field label={t.admin.unitName}><input required value={unit.name} onChange={(e) => setUnit({ ...unit, name: e.target.value })} /></Field>
        <ErrorNote error={createUnit.error} />
        <button type="submit">{t.admin.create}</button>
      </form>
    </>
  );
}

function Calendars() {
  const { t } = useI18n();
  const queries = useQueryClient();
  const calendars = useQuery({ queryKey: ['admin', 'calendars'], queryFn: () => unwrap(api.GET('/v1/admin/calendars')) });
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  // The API checks the uploaded year field by field (400 naming each); the console only parses the JSON.
  const upload = useMutation({
    mutationFn: () => unwrap(api.PUT('/v1/admin/calendars/{year}', { params: { path: { year } }, body: JSON.parse(text) as Schema<'CalendarYearDto'> })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['admin', 'calendars'] }),
  });
  const retime = useMutation({ mutationFn: () => unwrap(api.POST('/v1/admin/calendars/{year}/retime', { params: { path: { year } }, body: { reason } })) });
  return (
    <>
      <ErrorNote error={calendars.error} />
      <ul className="plain">
        {calendars.data?.map((c) => (
          <li key={c.year}>
            <strong>{c.year}</strong> ({t.admin.calendarSource[c.source]}{c.provisional ? `, ${t.admin.provisional}` : ''}) — {t.admin.days(c.publicHolidays, c.jointLeave)}
            {c.decrees.length > 0 && <><br /><small>{c.decrees.join('; ')}</small></>}
          </li>
        ))}
      </ul>
      <form className="action" aria-label={t.admin.uploadYear} onSubmit={(e) => { e.preventDefault(); upload.mutate(); }}>
        <h2>{t.admin.uploadYear}</h2>
        <Field label={t.admin.year}><input type="number" min={2020} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} /></Field>
        <Field label={t.admin.calendarJson} hint={t.admin.calendarHint}><textarea required rows={8} value={text} onChange={(e) => setText(e.target.value)} /></Field>
        <ErrorNote error={upload.error} />
        {upload.isSuccess && <p role="status">{t.actions.done}</p>}
        <button type="submit">{t.admin.upload}</button>
      </form>
      <form className="action" aria-label={t.admin.retime} onSubmit={(e) => { e.preventDefault(); retime.mutate(); }}>
        <h2>{t.admin.retime}</h2>
        <p>{t.admin.retimeIntro}</p>
        <Field label={t.actions.reason}><input required value={reason} onChange={(e) => setReason(e.target.value)} /></Field>
        <ErrorNote error={retime.error} />
        {retime.data && <p role="status">{t.admin.retimed(retime.data.retimed, retime.data.failed.length)}</p>}
        <button type="submit">{t.admin.retime}</button>
      </form>
    </>
  );
}

function DeadlineRule({ rule }: { rule: Schema<'DeadlineRuleView'> | null }) {
  const { t } = useI18n();
  return <>{rule ? rule.description : t.admin.atBreach}</>;
}

function Policies() {
  const { t } = useI18n();
  const policies = useQuery({ queryKey: ['admin', 'policies'], queryFn: () => unwrap(api.GET('/v1/admin/policies')) });
  if (policies.error) return <ErrorNote error={policies.error} />;
  if (!policies.data) return <Loading />;
  return (
    <>
      {policies.data.map((policy) => (
        <section key={policy.version} className="policy">
          <h2>
            {t.admin.policyVersion(policy.version)}
            {policy.inForceNow && <small> — {t.admin.inForce}</small>}
          </h2>
          <p>{t.admin.effectiveFrom}: {policy.effectiveFrom} · {policy.nationalTimeZone}</p>
          <table>
            <caption>{t.admin.stageTargets}</caption>
            <thead>
              <tr><th scope="col">{t.actions.stage}</th><th scope="col">{t.actions.complexity}</th><th scope="col">{t.admin.target}</th><th scope="col">{t.admin.basis}</th></tr>
            </thead>
            <tbody>
              {policy.stages.map((s) => (
                <tr key={`${s.stage}-${s.complexity ?? ''}`}>
                  <td>{t.stages[s.stage]}</td>
                  <td>{s.complexity ? t.complexities[s.complexity] : '—'}</td>
                  <td><DeadlineRule rule={s.target} /></td>
                  <td>{s.target.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>{t.admin.ladder}</caption>
            <thead>
              <tr><th scope="col">{t.admin.level}</th><th scope="col">{t.admin.receiver}</th><th scope="col">{t.admin.target}</th></tr>
            </thead>
            <tbody>
              {policy.ladder.map((step) => (
                <tr key={step.level}>
                  <td>{step.level}</td>
                  <td>{[step.receiverRole, step.nationalReceiverRole].filter(Boolean).map((r) => t.roles[r as Role] ?? r).join(', ')}</td>
                  <td><DeadlineRule rule={step.afterBreach} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

export function AdminPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('officers');
  return (
    <section>
      <h1>{t.nav.administration}</h1>
      <div role="tablist" aria-label={t.nav.administration} className="tabs">
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} aria-controls={`panel-${name}`} id={`tab-${name}`} onClick={() => setTab(name)}>
            {t.admin.tabs[name]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'officers' && <Officers />}
        {tab === 'agencies' && <Agencies />}
        {tab === 'calendars' && <Calendars />}
        {tab === 'policies' && <Policies />}
      </div>
    </section>
  );
}
