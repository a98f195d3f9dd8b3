// The actions the complaint's state allows and the officer's role may take, each as a form with
// pickers (agency with its zone, unit, the unit's liaisons): no ID is typed by hand. Verifying offers
// the API's disposition suggestions first.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useId, useState, type FormEvent, type ReactNode } from 'react';
import { ARCHIVE_REASONS, CLASSIFICATIONS, COMPLEXITIES, OFFICER_STAGES } from '../../../workflows/lifecycle/vocabulary';
import { api, idempotencyKey, unwrap } from '../api/client';
import { useAgencies, useOfficers } from '../components/reference';
import { ErrorNote, Field } from '../components/ui';
import { useI18n } from '../i18n';
import type { Schema } from '../api/schemas';

type ComplaintStatus = Schema<'ComplaintStatusView'>;
type ComplaintView = Schema<'ComplaintView'>;

type Classification = (typeof CLASSIFICATIONS)[number];
type Complexity = (typeof COMPLEXITIES)[number];
type ArchiveReason = (typeof ARCHIVE_REASONS)[number];
type OfficerStage = (typeof OFFICER_STAGES)[number];

/** The forms each role is offered; the API checks again and answers 403 to anyone else. */
const ROLE_ACTIONS: Record<string, readonly FormAction[]> = {
  VERIFIER: ['verify', 'request-clarification', 'archive'],
  AGENCY_ADMIN: ['assign', 'redirect'],
  SUPERVISOR: ['assign', 'extend-deadline'],
  LIAISON: ['follow-up', 'resolve', 'request-clarification'],
  COMPLAINT_MANAGER: ['extend-deadline'],
};

type FormAction = 'verify' | 'request-clarification' | 'archive' | 'assign' | 'redirect' | 'follow-up' | 'resolve' | 'extend-deadline';

/** Told when an action was taken: its form may vanish with the state it belonged to. */
const ActionDone = createContext<(action: FormAction) => void>(() => undefined);

function useAction(trackingId: string, name: FormAction) {
  const queries = useQueryClient();
  const done = useContext(ActionDone);
  return useMutation({
    mutationFn: (run: (init: { params: { path: { trackingId: string } }; headers: Record<string, string> }) => Promise<{ response: Response; error?: unknown }>) =>
      unwrap(run({ params: { path: { trackingId } }, headers: { 'Idempotency-Key': idempotencyKey() } })),
    onSuccess: async () => {
      done(name);
      await queries.invalidateQueries();
    },
  });
}

function ActionForm({ title, onSubmit, pending, error, children, submitLabel }: { title: string; onSubmit: () => void; pending: boolean; error: unknown; children: ReactNode; submitLabel: string }) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="action" onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      {children}
      <ErrorNote error={error} />
      <button type="submit" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}

const KIND_ORDER = ['REGENCY', 'CITY', 'PROVINCE', 'MINISTRY', 'INSTITUTION', 'OTHER'] as const;
type KindGroup = (typeof KIND_ORDER)[number];

/** Lower case without accents, for searching names as people type them. */
const folded = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * Every agency (some 620): narrowed by a search over name and code and by kind, listed in groups by kind.
 * The chosen agency stays listed whatever the filter, so the select never loses its value.
 */
function AgencyPicker({ value, onChange, exclude }: { value: string; onChange: (id: string) => void; exclude?: string | null }) {
  const { t } = useI18n();
  const agencies = useAgencies();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<KindGroup | ''>('');
  const words = folded(search).split(/\s+/).filter(Boolean);
  const shown = (agencies.data ?? []).filter((a) => {
    if (a.id === exclude) return false;
    if (a.id === value) return true;
    if (kind && (a.kind ?? 'OTHER') !== kind) return false;
    const text = folded(`${a.name} ${a.id} ${a.areaCode ?? ''}`);
    return words.every((w) => text.includes(w));
  });
  return (
    <>
      <div className="picker-filters">
        <Field label={t.actions.search}>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </Field>
        <Field label={t.actions.kindFilter}>
          <select value={kind} onChange={(e) => setKind(e.target.value as KindGroup | '')}>
            <option value="">{t.actions.allKinds}</option>
            {KIND_ORDER.map((k) => <option key={k} value={k}>{t.actions.kinds[k]}</option>)}
          </select>
        </Field>
      </div>
      <Field label={t.actions.agency} hint={agencies.data ? t.actions.matches(shown.length) : undefined}>
        <select required value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t.actions.choose}</option>
          {KIND_ORDER.map((group) => {
            const members = shown.filter((a) => (a.kind ?? 'OTHER') === group);
            return members.length === 0 ? null : (
              <optgroup key={group} label={t.actions.kinds[group]}>
                {members.map((agency) => (
                  <option key={agency.id} value={agency.id}>
                    {agency.name} ({agency.zoneLabel})
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </Field>
      <ErrorNote error={agencies.error} />
    </>
  );
}

/** The API's suggestions as radio choices: choosing one fills the agency picker; the verifier may still pick any other. */
function DispositionSuggestions({ trackingId, value, onChange }: { trackingId: string; value: string; onChange: (id: string) => void }) {
  const { t } = useI18n();
  const suggestions = useQuery({
    queryKey: ['disposition-suggestions', trackingId],
    queryFn: () => unwrap(api.GET('/v1/complaints/{trackingId}/disposition-suggestions', { params: { path: { trackingId } } })),
    staleTime: 60_000,
  });
  const id = useId();
  if (suggestions.error) return <ErrorNote error={suggestions.error} />;
  if (!suggestions.data) return null;
  const list = suggestions.data.suggestions;
  return (
    <fieldset className="suggestions">
      <legend>{t.actions.suggestions}</legend>
      <p className="note">{list.length === 0 ? t.actions.noSuggestions : t.actions.suggestionsNote}</p>
      {list.map((s, i) => (
        <div key={s.agencyId} className="suggestion">
          <input type="radio" id={`${id}-${i}`} name={`${id}-suggestion`} value={s.agencyId} checked={value === s.agencyId} onChange={() => onChange(s.agencyId)}
            aria-describedby={`${id}-${i}-why`} />
          <label htmlFor={`${id}-${i}`}>{s.name} ({s.zoneLabel})</label>
          <small id={`${id}-${i}-why`}>
            {s.reasonText} · {t.actions.liaisons(s.liaisons)}
          </small>
        </div>
      ))}
    </fieldset>
  );
}

function VerifyForm({ complaint }: { complaint: ComplaintView }) {
  const { t } = useI18n();
  const action = useAction(complaint.trackingId, 'verify');
  const [agencyId, setAgencyId] = useState(complaint.suggestedAgencyId ?? '');
  const [classification, setClassification] = useState<Classification>(complaint.classification as Classification);
  const [complexity, setComplexity] = useState<Complexity>('NORMAL');
  return (
    <ActionForm title={t.actions.verify} submitLabel={t.actions.verifySubmit} pending={action.isPending} error={action.error}
      onSubmit={() => action.mutate((init) => api.POST('/v1/complaints/{trackingId}/verify', { ...init, body: { agencyId, classification, complexity } }))}>
      <DispositionSuggestions trackingId={complaint.trackingId} value={agencyId} onChange={setAgencyId} />
      <AgencyPicker value={agencyId} onChange={setAgencyId} />
      <Field label={t.actions.classification}>
        <select value={classification} onChange={(e) => setClassification(e.target.value as Classification)}>
          {CLASSIFICATIONS.map((c) => <option key={c} value={c}>{t.classifications[c]}</option>)}
        </select>
      </Field>
      <Field label={t.actions.complexity}>
        <select value={complexity} onChange={(e) => setComplexity(e.target.value as Complexity)}>
          {COMPLEXITIES.map((c) => <option key={c} value={c}>{t.complexities[c]}</option>)}
        </select>
      </Field>
    </ActionForm>
  );
}

function TextActionForm({ complaint, action: name, field }: { complaint: ComplaintView; action: 'request-clarification' | 'follow-up' | 'resolve'; field: 'question' | 'followUpText' | 'answer' }) {
  const { t } = useI18n();
  const action = useAction(complaint.trackingId, name);
  const [text, setText] = useState('');
  const send = () =>
    action.mutate((init) => {
      if (name === 'request-clarification') return api.POST('/v1/complaints/{trackingId}/request-clarification', { ...init, body: { question: text } });
      if (name === 'follow-up') return api.POST('/v1/complaints/{trackingId}/follow-up', { ...init, body: { text } });
      return api.POST('/v1/complaints/{trackingId}/resolve', { ...init, body: { answer: text } });
    });
  return (
    <ActionForm title={t.actionNames[name]} submitLabel={t.actions.send} pending={action.isPending} error={action.error} onSubmit={send}>
      <Field label={t.actions[field]}>
        <textarea required rows={4} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
    </ActionForm>
  );
}

function ArchiveForm({ complaint }: { complaint: ComplaintView }) {
  const { t } = useI18n();
  const action = useAction(complaint.trackingId, 'archive');
  const [reason, setReason] = useState<ArchiveReason>('SPAM');
  const [note, setNote] = useState('');
  return (
    <ActionForm title={t.actionNames.archive} submitLabel={t.actionNames.archive} pending={action.isPending} error={action.error}
      onSubmit={() => action.mutate((init) => api.POST('/v1/complaints/{trackingId}/archive', { ...init, body: { reason, ...(note ? { note } : {}) } }))}>
      <Field label={t.actions.archiveReason}>
        <select value={reason} onChange={(e) => setReason(e.target.value as ArchiveReason)}>
          {ARCHIVE_REASONS.map((r) => <option key={r} value={r}>{t.archiveReasons[r]}</option>)}
        </select>
      </Field>
      <Field label={t.actions.note}>
        <textarea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
    </ActionForm>
  );
}

function AssignForm({ complaint }: { complaint: ComplaintView }) {
  const { t } = useI18n();
  const action = useAction(complaint.trackingId, 'assign');
  const agencies = useAgencies();
  const units = agencies.data?.find((a) => a.id === complaint.agencyId)?.units ?? [];
  const [unitId, setUnitId] = useState('');
  const [liaisonId, setLiaisonId] = useState('');
  const liaisons = useOfficers({ agencyId: complaint.agencyId ?? undefined, unitId: unitId || undefined, role: 'LIAISON' }, Boolean(complaint.agencyId));
  return (
    <ActionForm title={t.actionNames.assign} submitLabel={t.actionNames.assign} pending={action.isPending} error={action.error}
      onSubmit={() => action.mutate((init) => api.POST('/v1/complaints/{trackingId}/assign', { ...init, body: { liaisonId } }))}>
      <Field label={t.actions.unit}>
        <select value={unitId} onChange={(e) => { setUnitId(e.target.value); setLiaisonId(''); }}>
          <option value="">{t.actions.allUnits}</option>
          {units.map((unit) => <option key={unit.id} value={unit.id}>{unit.name}</option>)}
        </select>
      </Field>
      <Field label={t.actions.liaison}>
        <select required value={liaisonId} onChange={(e) => setLiaisonId(e.target.value)}>
          <option value="">{t.actions.choose}</option>
          {liaisons.data?.filter((o) => o.active).map((o) => (
            <option key={o.id} value={o.id}>
              {o.displayName}
              {o.unitId ? ` — ${units.find((u) => u.id === o.unitId)?.name ?? o.unitId}` : ''}
            </option>
          ))}
        </select>
      </Field>
      <ErrorNote error={liaisons.error} />
    </ActionForm>
  );
}

function RedirectForm({ complaint }: { complaint: ComplaintView }) {
  const { t } = useI18n();
  const action = useAction(complaint.trackingId, 'redirect');
  const [toAgencyId, setToAgencyId] = useState('');
  const [reason, setReason] = useState('');
  return (
    <ActionForm title={t.actionNames.redirect} submitLabel={t.actionNames.redirect} pending={action.isPending} error={action.error}
      onSubmit={() => action.mutate((init) => api.POST('/v1/complaints/{trackingId}/redirect', { ...init, body: { toAgencyId, reason } }))}>
      <AgencyPicker value={toAgencyId} onChange={setToAgencyId} exclude={complaint.agencyId} />
      <Field label={t.actions.reason}>
        <textarea required rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </ActionForm>
  );
}

function ExtendForm({ complaint, process }: { complaint: ComplaintView; process: ComplaintStatus }) {
  const { t } = useI18n();
  const action = useAction(complaint.trackingId, 'extend-deadline');
  const running = process.deadlines.map((d) => d.stage).filter((s): s is OfficerStage => (OFFICER_STAGES as readonly string[]).includes(s));
  const [stage, setStage] = useState<OfficerStage | ''>(running[0] ?? '');
  const [workingDays, setWorkingDays] = useState(1);
  const [reason, setReason] = useState('');
  if (running.length === 0) return null;
  return (
    <ActionForm title={t.actionNames['extend-deadline']} submitLabel={t.actionNames['extend-deadline']} pending={action.isPending} error={action.error}
      onSubmit={() => stage && action.mutate((init) => api.POST('/v1/complaints/{trackingId}/extend-deadline', { ...init, body: { stage, extra: { workingDays }, reason } }))}>
      <Field label={t.actions.stage}>
        <select value={stage} onChange={(e) => setStage(e.target.value as OfficerStage)}>
          {running.map((s) => <option key={s} value={s}>{t.stages[s]}</option>)}
        </select>
      </Field>
      <Field label={t.actions.extraWorkingDays}>
        <input type="number" min={1} max={60} required value={workingDays} onChange={(e) => setWorkingDays(Number(e.target.value))} />
      </Field>
      <Field label={t.actions.reason}>
        <textarea required rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </ActionForm>
  );
}

export function ComplaintActions({ complaint, process, role }: { complaint: ComplaintView; process: ComplaintStatus; role: string }) {
  const { t } = useI18n();
  const [lastDone, setLastDone] = useState<FormAction | null>(null);
  const offered = (ROLE_ACTIONS[role] ?? []).filter((a) => (process.allowedActions as string[]).includes(a));
  return (
    <ActionDone.Provider value={setLastDone}>
      <p role="status" data-testid="action-done">{lastDone && t.actions.doneWith(t.actionNames[lastDone])}</p>
      {offered.length === 0 && <p>{t.actions.none}</p>}
    <div className="actions">
      {offered.map((name) => {
        switch (name) {
          case 'verify': return <VerifyForm key={name} complaint={complaint} />;
          case 'request-clarification': return <TextActionForm key={name} complaint={complaint} action={name} field="question" />;
          case 'follow-up': return <TextActionForm key={name} complaint={complaint} action={name} field="followUpText" />;
          case 'resolve': return <TextActionForm key={name} complaint={complaint} action={name} field="answer" />;
          case 'archive': return <ArchiveForm key={name} complaint={complaint} />;
          case 'assign': return <AssignForm key={name} complaint={complaint} />;
          case 'redirect': return <RedirectForm key={name} complaint={complaint} />;
          case 'extend-deadline': return <ExtendForm key={name} complaint={complaint} process={process} />;
        }
      })}
    </div>
    </ActionDone.Provider>
  );
}
