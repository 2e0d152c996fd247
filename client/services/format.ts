// Dates as residents read them, in the phone's own time zone.

const pad = (n: number): string => String(n).padStart(2, '0');

/** "11-26 14:05", or with the year when it is not this year. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const sameYear = d.getFullYear() === new Date().getFullYear();
  const date = `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${sameYear ? '' : `${d.getFullYear()}-`}${date} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "11-26 14:00–16:00" for a session on one day. */
export function formatTimeRange(startIso: string, endIso: string): string {
  const end = new Date(endIso);
  return `${formatDateTime(startIso)}–${pad(end.getHours())}:${pad(end.getMinutes())}`;
}
