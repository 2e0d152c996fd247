import type { LoginResponse, MeResponse } from '@citycare/shared';
import { readStored, removeStored, STORAGE_KEYS, writeStored } from '../services/storage';
import { signInWith, type SignInMethod } from './sign-in';

export interface Session {
  token: string;
  expiresAt: string;
  user: MeResponse;
}

type Listener = (user: MeResponse | null) => void;

let current: Session | null | undefined; // undefined: storage not read yet
let signingIn: Promise<Session> | null = null;
const listeners = new Set<Listener>();

function notify(): void {
  const user = current?.user ?? null;
  listeners.forEach((listener) => listener(user));
}

/** The stored session, if any (read from storage once). */
export function currentSession(): Session | null {
  if (current === undefined) current = readStored<Session>(STORAGE_KEYS.session) ?? null;
  return current;
}

/** Called with the signed-in user (or null) whenever the session changes. */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Keeps a fresh login: the token for requests, the method to sign in again on its own. */
export function adoptLogin(login: LoginResponse, method?: SignInMethod): Session {
  current = { token: login.token, expiresAt: login.expiresAt, user: login.user };
  writeStored(STORAGE_KEYS.session, current);
  if (method) writeStored(STORAGE_KEYS.signInMethod, method);
  notify();
  return current;
}

/** The user changed (name, phone): keep the stored copy in step. */
export function updateSessionUser(user: MeResponse): void {
  const session = currentSession();
  if (!session) return;
  current = { ...session, user };
  writeStored(STORAGE_KEYS.session, current);
  notify();
}

/** Forgets the session and how to renew it: the resident signed out. */
export function forgetSession(): void {
  current = null;
  removeStored(STORAGE_KEYS.session);
  removeStored(STORAGE_KEYS.signInMethod);
  notify();
}

/**
 * Signs in with the remembered method. One sign-in at a time: every caller that needs a
 * session while one is under way waits for that same one.
 */
export function signIn(): Promise<Session> {
  if (!signingIn) {
    signingIn = signInWith(readStored<SignInMethod>(STORAGE_KEYS.signInMethod))
      .then((login) => adoptLogin(login))
      .finally(() => {
        signingIn = null;
      });
  }
  return signingIn;
}

/** A token to send: the stored one, or a new session signed in on demand. */
export async function sessionToken(): Promise<string> {
  return (currentSession() ?? (await signIn())).token;
}

/**
 * The server refused `staleToken` (401). If another request already renewed the session,
 * use that token; otherwise drop the stale one and sign in again (shared, once).
 */
export async function renewSession(staleToken: string): Promise<string> {
  const session = currentSession();
  if (session && session.token !== staleToken) return session.token;
  if (session) {
    current = null;
    removeStored(STORAGE_KEYS.session);
  }
  return (await signIn()).token;
}
