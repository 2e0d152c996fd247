import { useSyncExternalStore } from 'react';
import type { LatLng, MeResponse, Role } from '@citycare/shared';
import { currentSession, onSessionChange } from '../api/session';
import { readStored, STORAGE_KEYS, writeStored } from '../services/storage';

// The app's own state, in one small store: who is signed in (and their role), 长辈模式, and
// the last position we got. Preferences survive restarts; the user comes from the session.

export interface KnownLocation extends LatLng {
  /** ms since epoch */
  at: number;
}

export interface AppState {
  user: MeResponse | null;
  role: Role | null;
  /** 长辈模式: larger text, higher contrast, bigger tap targets, everywhere at once. */
  elderMode: boolean;
  lastLocation: KnownLocation | null;
}

interface Prefs {
  elderMode: boolean;
  lastLocation: KnownLocation | null;
}

const listeners = new Set<() => void>();
let state: AppState | null = null;

function load(): AppState {
  const prefs = readStored<Prefs>(STORAGE_KEYS.prefs);
  const user = currentSession()?.user ?? null;
  return { user, role: user?.role ?? null, elderMode: prefs?.elderMode === true, lastLocation: prefs?.lastLocation ?? null };
}

export function getAppState(): AppState {
  if (!state) {
    state = load();
    onSessionChange((user) => set({ user, role: user?.role ?? null }));
  }
  return state;
}

function set(patch: Partial<AppState>): void {
  state = { ...getAppState(), ...patch };
  writeStored(STORAGE_KEYS.prefs, { elderMode: state.elderMode, lastLocation: state.lastLocation } satisfies Prefs);
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const appActions = {
  setElderMode(on: boolean): void {
    set({ elderMode: on });
  },
  rememberLocation(at: LatLng): void {
    set({ lastLocation: { lat: at.lat, lng: at.lng, at: Date.now() } });
  },
};

/** A slice of the app state; the component re-renders when that slice changes. */
export function useAppState<T>(select: (s: AppState) => T): T {
  return useSyncExternalStore(subscribe, () => select(getAppState()), () => select(getAppState()));
}
