import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Redirect, useSearchParams } from 'wouter';
import { api, unwrap } from '../api/client';
import { ErrorNote, Field } from '../components/ui';
import { useI18n } from '../i18n';
import { homeOf } from '../roles';
import { session, useSession } from '../session';

export function SignInPage() {
  const { t } = useI18n();
  const current = useSession();
  const [search] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/auth/login', { body: { username, password } })),
    onSuccess: (answer) => session.signIn({ token: answer.accessToken, expiresAt: Date.now() + answer.expiresIn * 1000, officer: answer.officer }),
  });
  if (current) {
    const back = search.get('kembali');
    return <Redirect to={back?.startsWith('/') ? back : homeOf(current.officer.role)} />;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  return (
    <section className="narrow">
      <h1>{t.signIn.title}</h1>
      <p>{t.signIn.intro}</p>
      <form onSubmit={submit}>
        <Field label={t.signIn.username}>
          <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </Field>
        <Field label={t.signIn.password}>
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <ErrorNote error={signIn.error} />
        <button type="submit" disabled={signIn.isPending}>
          {t.signIn.submit}
        </button>
      </form>
    </section>
  );
}
