import { useSyncExternalStore } from 'react';
import { readStored, removeStored, STORAGE_KEYS, writeStored } from '../../services/storage';

// Which notices this device has opened, for the unread dots. The server counts reads for the
// authors but does not tell a reader what they read, so the marks are kept on the device.

/** The newest this many ids are kept; older notices have long left the board. */
export const MAX_READ_MARKS = 300;

let read: string[] | null = null;
const listeners = new Set<() => void>();

function ids(): string[] {
  if (!read) read = readStored<string[]>(STORAGE_KEYS.readNotices) ?? [];
  return read;
}

export function isRead(id: string): boolean {
  return ids().includes(id);
}

export function markRead(id: string): void {
  if (isRead(id)) return;
  read = [id, ...ids()].slice(0, MAX_READ_MARKS);
  writeStored(STORAGE_KEYS.readNotices, read);
  listeners.forEach((l) => l());
}

/** The account is gone: so are its read marks on this phone. */
export function forgetReadMarks(): void {
  read = [];
  removeStored(STORAGE_KEYS.readNotices);
  listeners.forEach((l) => l());
}

/** Re-renders when a notice is marked read. */
export function useReadMarks(): (id: string) => boolean {
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => ids(),
  );
  return isRead;
}
