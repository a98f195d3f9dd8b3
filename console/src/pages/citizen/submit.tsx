// A citizen's report: what, where, when and the chronology; contact details are optional and stay
// with the channel's administrators (never sent to the agency when anonymous).
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { CLASSIFICATIONS } from '../../../../workflows/lifecycle/vocabulary';
import { api, idempotencyKey, unwrap } from '../../api/client';
import { ACCEPTED_FILES, uploadAsReporter } from '../../components/attachments';
import { ErrorNote, Field } from '../../components/ui';
import { useI18n } from '../../i18n';
import { saveReceipt } from './receipt';

type Classification = (typeof CLASSIFICATIONS)[number];

export function SubmitPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [key] = useState(idempotencyKey);
  const [form, setForm] = useState({ title: '', regency: '', occurredAt: '', chronology: '', classification: 'COMPLAINT' as Classification, anonymous: false, confidential: false, name: '', phone: '', email: '', nik: '' });
  const [files, setFiles] = useState<File[]>([]);
  const set = (change: Partial<typeof form>) => setForm((previous) => ({ ...previous, ...change }));
  const submit = useMutation({
    mutationFn: async () => {
      const reporter = Object.fromEntries(Object.entries({ name: form.name, phone: form.phone, email: form.email, nik: form.nik }).filter(([, v]) => v.trim()));
      const receipt = await unwrap(
        api.POST('/v1/complaints', {
          headers: { 'Idempotency-Key': key },
          body: {
            title: form.title,
            chronology: form.chronology,
            // The time the citizen typed, read in their own browser's zone.
            occurredAt: new Date(form.occurredAt).toISOString(),
            location: { regency: form.regency },
            classification: form.classification,
            anonymous: form.anonymous,
            confidential: form.confidential,
            ...(Object.keys(reporter).length ? { reporter } : {}),
          },
        }),
      );
      // The evidence goes up right after, under the new access code; a refused file does not undo the report.
      const attachmentError = files.length === 0 ? undefined : await uploadAsReporter(receipt.trackingId, receipt.accessCode, 'COMPLAINT', files).then(() => undefined, (error: unknown) => (error instanceof Error ? error.message : String(error)));
      return { receipt, attachmentError };
    },
    onSuccess: ({ receipt, attachmentError }) => {
      saveReceipt(receipt, attachmentError);
      navigate('/lapor/tanda-terima');
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  return (
    <section className="narrow">
      <h1>{t.citizen.submitTitle}</h1>
      <p>{t.citizen.submitIntro}</p>
      <form onSubmit={onSubmit}>
        <fieldset>
          <legend>{t.citizen.report}</legend>
          <Field label={t.citizen.what}><input name="title" required maxLength={200} value={form.title} onChange={(e) => set({ title: e.target.value })} /></Field>
          <Field label={t.citizen.where} hint={t.citizen.whereHint}><input name="regency" required maxLength={100} value={form.regency} onChange={(e) => set({ regency: e.target.value })} /></Field>
          <Field label={t.citizen.when}><input name="occurredAt" type="datetime-local" required value={form.occurredAt} onChange={(e) => set({ occurredAt: e.target.value })} /></Field>
          <Field label={t.citizen.chronology} hint={t.citizen.chronologyHint}><textarea name="chronology" required rows={6} maxLength={20000} value={form.chronology} onChange={(e) => set({ chronology: e.target.value })} /></Field>
          <Field label={t.citizen.classification}>
            <select name="classification" value={form.classification} onChange={(e) => set({ classification: e.target.value as Classification })}>
              {CLASSIFICATIONS.map((c) => <option key={c} value={c}>{t.classifications[c]}</option>)}
            </select>
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t.attachments.title}</legend>
          <Field label={t.attachments.files} hint={t.attachments.filesHint}>
            <input type="file" name="files" multiple accept={ACCEPTED_FILES} onChange={(e) => setFiles([...(e.target.files ?? [])])} />
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t.citizen.protection}</legend>
          <label className="check">
            <input type="checkbox" name="anonymous" checked={form.anonymous} onChange={(e) => set({ anonymous: e.target.checked })} />
            <span><strong>{t.citizen.anonymous}</strong> — {t.citizen.anonymousExplained}</span>
          </label>
          <label className="check">
            <input type="checkbox" name="confidential" checked={form.confidential} onChange={(e) => set({ confidential: e.target.checked })} />
            <span><strong>{t.citizen.confidential}</strong> — {t.citizen.confidentialExplained}</span>
          </label>
        </fieldset>
        <fieldset>
          <legend>{t.citizen.contact}</legend>
          <p className="note">{t.citizen.contactExplained}</p>
          <Field label={t.citizen.name}><input name="name" autoComplete="name" maxLength={200} value={form.name} onChange={(e) => set({ name: e.target.value })} /></Field>
          <Field label={t.citizen.phone}><input name="phone" type="tel" autoComplete="tel" maxLength={20} value={form.phone} onChange={(e) => set({ phone: e.target.value })} /></Field>
          <Field label={t.citizen.email}><input name="email" type="email" autoComplete="email" maxLength={200} value={form.email} onChange={(e) => set({ email: e.target.value })} /></Field>
          <Field label={t.citizen.nik}><input name="nik" inputMode="numeric" pattern="\d{16}" maxLength={16} value={form.nik} onChange={(e) => set({ nik: e.target.value })} /></Field>
        </fieldset>
        <ErrorNote error={submit.error} />
        <button type="submit" disabled={submit.isPending}>{t.citizen.send}</button>
      </form>
    </section>
  );
}
