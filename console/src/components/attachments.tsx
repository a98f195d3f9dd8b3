// Evidence files: the list (download, and publication for the verifier) and the upload form, for the
// officer's complaint page and the reporter's tracking page. The API strips image metadata at upload.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, download, unwrap } from '../api/client';
import type { Schema } from '../api/schemas';
import { useI18n } from '../i18n';
import { ErrorNote, Field } from './ui';

type Attachment = Schema<'AttachmentView'>;
type Purpose = Attachment['purpose'];

/** What the upload input offers; the API judges each file by its content anyway. */
export const ACCEPTED_FILES = 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf';

/** A multipart body: the typed client sends FormData as it is, and the browser sets the boundary. */
export function uploadBody(purpose: Purpose, files: File[]): FormData {
  const form = new FormData();
  form.append('purpose', purpose);
  for (const file of files) form.append('files', file, file.name);
  return form;
}

const sizeOf = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

function AttachmentTable({ items, onDownload, onPublish }: { items: Attachment[]; onDownload: (item: Attachment) => void; onPublish?: (item: Attachment) => void }) {
  const { t } = useI18n();
  const a = t.attachments;
  if (items.length === 0) return <p>{a.none}</p>;
  return (
    <table className="attachments">
      <thead>
        <tr><th scope="col">{a.name}</th><th scope="col">{a.purpose}</th><th scope="col">{a.by}</th><th scope="col">{a.size}</th><th scope="col">{a.publicColumn}</th><th scope="col"><span className="visually-hidden">{a.download}</span></th></tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td>{item.fileName} <small>({item.mediaType}{a.removed(item.removedMetadata)})</small></td>
            <td>{a.purposes[item.purpose]}</td>
            <td>{a.uploaders[item.uploadedBy]}</td>
            <td>{sizeOf(item.sizeBytes)}</td>
            <td>{item.public ? t.common.yes : t.common.no}</td>
            <td>
              <button type="button" className="link" onClick={() => onDownload(item)}>{a.download}</button>
              {onPublish && <> · <button type="button" className="link" onClick={() => onPublish(item)}>{item.public ? a.withdraw : a.publish}</button></>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function UploadForm({ purposes, upload }: { purposes: Purpose[]; upload: (purpose: Purpose, files: File[]) => Promise<{ items: Attachment[] }> }) {
  const { t } = useI18n();
  const a = t.attachments;
  const [purpose, setPurpose] = useState<Purpose>(purposes[0]);
  const [files, setFiles] = useState<File[]>([]);
  const [input, setInput] = useState(0); // a new key empties the file input after an upload
  const send = useMutation({
    mutationFn: () => upload(purpose, files),
    onSuccess: () => {
      setFiles([]);
      setInput((n) => n + 1);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  return (
    <form className="action" onSubmit={onSubmit} aria-label={a.attach}>
      <h3>{a.attach}</h3>
      {purposes.length > 1 && (
        <Field label={a.purpose}>
          <select value={purpose} onChange={(e) => setPurpose(e.target.value as Purpose)}>
            {purposes.map((p) => <option key={p} value={p}>{a.purposes[p]}</option>)}
          </select>
        </Field>
      )}
      <Field label={a.files} hint={a.filesHint}>
        <input key={input} type="file" name="files" multiple required accept={ACCEPTED_FILES} onChange={(e) => setFiles([...(e.target.files ?? [])])} />
      </Field>
      <ErrorNote error={send.error} />
      {send.data && <p role="status">{a.sent(send.data.items.length)}</p>}
      <button type="submit" disabled={send.isPending || files.length === 0}>{a.send}</button>
    </form>
  );
}

/** The complaint page: every officer who sees the complaint lists and downloads; the liaison attaches while it is in progress; the verifier publishes. */
export function ComplaintAttachments({ trackingId, status, role }: { trackingId: string; status: string; role: string }) {
  const queries = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const path = { path: { trackingId } };
  const list = useQuery({ queryKey: ['attachments', trackingId], queryFn: () => unwrap(api.GET('/v1/complaints/{trackingId}/attachments', { params: path })) });
  const refresh = () => queries.invalidateQueries({ queryKey: ['attachments', trackingId] });
  const onDownload = (item: Attachment) => {
    setError(null);
    download(api.GET('/v1/complaints/{trackingId}/attachments/{fileId}', { params: { path: { trackingId, fileId: item.id } }, parseAs: 'blob' }), item.fileName).catch(setError);
  };
  const onPublish = (item: Attachment) => {
    setError(null);
    unwrap(api.POST('/v1/complaints/{trackingId}/attachments/{fileId}/publication', { params: { path: { trackingId, fileId: item.id } }, body: { public: !item.public } }))
      .then(refresh)
      .catch(setError);
  };
  const upload = async (purpose: Purpose, files: File[]) => {
    const answer = await unwrap(api.POST('/v1/complaints/{trackingId}/attachments', { params: path, body: uploadBody(purpose, files) as never }));
    await refresh();
    return answer;
  };
  return (
    <>
      <ErrorNote error={list.error ?? error} />
      {list.data && <AttachmentTable items={list.data.items} onDownload={onDownload} onPublish={role === 'VERIFIER' ? onPublish : undefined} />}
      {role === 'LIAISON' && status === 'IN_PROGRESS' && <UploadForm purposes={['FOLLOW_UP', 'RESOLUTION']} upload={upload} />}
    </>
  );
}

/** The tracking page: the reporter's and the agency's files; attach to the complaint before verification, or to an answer while details are asked for. */
export function TrackedAttachments({ trackingId, accessCode, status }: { trackingId: string; accessCode: string; status: string }) {
  const queries = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const params = { path: { trackingId }, header: { 'X-Access-Code': accessCode } };
  const list = useQuery({ queryKey: ['tracked-attachments', trackingId, accessCode], queryFn: () => unwrap(api.GET('/v1/track/{trackingId}/attachments', { params })) });
  const onDownload = (item: Attachment) => {
    setError(null);
    download(api.GET('/v1/track/{trackingId}/attachments/{fileId}', { params: { ...params, path: { trackingId, fileId: item.id } }, parseAs: 'blob' }), item.fileName).catch(setError);
  };
  const upload = async (purpose: Purpose, files: File[]) => {
    const answer = await uploadAsReporter(trackingId, accessCode, purpose, files);
    await queries.invalidateQueries({ queryKey: ['tracked-attachments', trackingId] });
    return answer;
  };
  const purpose: Purpose | null = status === 'SUBMITTED' ? 'COMPLAINT' : status === 'AWAITING_CLARIFICATION' ? 'CLARIFICATION' : null;
  return (
    <>
      <ErrorNote error={list.error ?? error} />
      {list.data && <AttachmentTable items={list.data.items} onDownload={onDownload} />}
      {purpose && <UploadForm purposes={[purpose]} upload={upload} />}
    </>
  );
}

/** The reporter's upload (also right after submitting, from the report form). */
export function uploadAsReporter(trackingId: string, accessCode: string, purpose: Purpose, files: File[]) {
  return unwrap(api.POST('/v1/track/{trackingId}/attachments', { params: { path: { trackingId }, header: { 'X-Access-Code': accessCode } }, body: uploadBody(purpose, files) as never }));
}
