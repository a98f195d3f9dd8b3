// The officer's session: the bearer token and who it belongs to, kept in sessionStorage (gone when the
// tab closes; never in localStorage or a cookie), observable by React through useSyncExternalStore.
import { useSyncExternalStore } from 'react';
import type { Schema } from './api/schemas';

/** Who signed in, as the sign-in answer gave it (GET /v1/auth/me answers the same, kept current). */
export type SignedInOfficer = Schema<'OfficerView'>;

export interface Session {
  token: string;
  expiresAt: number;
  officer: SignedInOfficer;
}

const KEY = 'tenggat.session';
const listeners = new Set<() => void>();
let current: Session | null = read();

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    const session = raw ? (JSON.parse(raw) as Session) : null;
    return session && session.expiresAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

function publish(next: Session | null): void {
  current = next;
  if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export const session = {
  get: (): Session | null => current,
  signIn: (next: Session): void => publish(next),
  signOut: (): void => publish(null),
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, session.get);
}
