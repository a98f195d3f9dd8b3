// Acknowledging an escalation, with an optional comment kept in the timeline.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ErrorNote } from './ui';
import { useI18n } from '../i18n';

export function AcknowledgeForm({ acknowledge, label }: { acknowledge: (comment: string | undefined) => Promise<unknown>; label: string }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [comment, setComment] = useState('');
  const commentId = useId();
  const mutation = useMutation({
    mutationFn: () => acknowledge(comment.trim() || undefined),
    onSuccess: () => queries.invalidateQueries(),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <form className="inline" onSubmit={submit} aria-label={label}>
      <label htmlFor={commentId}>{t.escalations.comment}</label>
      <input id={commentId} value={comment} maxLength={1000} onChange={(e) => setComment(e.target.value)} />
      <button type="submit" disabled={mutation.isPending}>
        {t.escalations.acknowledge}
      </button>
      <ErrorNote error={mutation.error} />
    </form>
  );
}
