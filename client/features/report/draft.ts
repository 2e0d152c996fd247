import { isIdempotencyKey, newIdempotencyKey } from '../../api/idempotency';
import { readStored, removeStored, STORAGE_KEYS, writeStored } from '../../services/storage';
import { emptyReportForm, type ReportForm, type ReportPlace } from './form';
import { expireOldUploads, settleAfterRestart, type DraftPhoto } from '../photos/photos';

// The 随手拍 draft: the form plus its Idempotency-Key, kept in storage on every change so it
// survives leaving the page and restarting the app. The key is made when a new form opens and
// kept until the case is accepted, so a resend after a lost answer lands the same case.

export interface ReportDraft {
  version: 1;
  form: ReportForm;
  idempotencyKey: string;
  savedAt: number;
}

export function newDraft(): ReportDraft {
  return { version: 1, form: emptyReportForm(), idempotencyKey: newIdempotencyKey(), savedAt: Date.now() };
}

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * The stored photos, settled after a restart (settleAfterRestart: the picked files are gone, so
 * uploads are previewed from the server and the rest picked again); an upload the server may
 * have deleted by now fails, to be replaced. An uploaded photo with no upload time (a draft
 * kept by an older build) counts as too old.
 */
function restorePhotos(value: unknown, now: number): DraftPhoto[] {
  if (!Array.isArray(value)) return [];
  const photos = value
    .filter((p): p is DraftPhoto => !!p && isString((p as DraftPhoto).key) && isString((p as DraftPhoto).localPath) && isString((p as DraftPhoto).status))
    .map((p) => ({
      ...p,
      uploadedAt: typeof p.uploadedAt === 'number' ? p.uploadedAt : undefined,
      retryable: p.status === 'failed' ? p.retryable !== false : undefined,
    }));
  return expireOldUploads(settleAfterRestart(photos), now);
}

function restoreStandIn(value: unknown): Pick<ReportPlace, 'standIn'> {
  const v = value as ReportPlace['standIn'];
  return v && isString(v.station) && isString(v.community) ? { standIn: { station: v.station, community: v.community } } : {};
}

/** A stored draft made safe to use: unknown shapes give a new draft, never a crash. */
export function restoreDraft(stored: unknown, now = Date.now()): ReportDraft {
  const draft = stored as Partial<ReportDraft> | undefined;
  if (!draft || draft.version !== 1 || !draft.form || !isIdempotencyKey(draft.idempotencyKey)) return newDraft();
  const f = draft.form as Partial<ReportForm>;
  const place = f.place && typeof f.place.lat === 'number' && typeof f.place.lng === 'number' ? { lat: f.place.lat, lng: f.place.lng, address: isString(f.place.address) ? f.place.address : '', ...restoreStandIn(f.place.standIn) } : null;
  return {
    version: 1,
    idempotencyKey: draft.idempotencyKey,
    savedAt: typeof draft.savedAt === 'number' ? draft.savedAt : Date.now(),
    form: {
      category: isString(f.category) ? f.category : null,
      description: isString(f.description) ? f.description : '',
      photos: restorePhotos(f.photos, now),
      place,
      zoneId: isString(f.zoneId) ? f.zoneId : null,
      anonymous: f.anonymous === true,
      publicDescription: f.publicDescription === true,
    },
  };
}

export function loadDraft(): ReportDraft {
  return restoreDraft(readStored(STORAGE_KEYS.reportDraft));
}

export function saveDraft(draft: ReportDraft): void {
  writeStored(STORAGE_KEYS.reportDraft, { ...draft, savedAt: Date.now() });
}

export function clearDraft(): void {
  removeStored(STORAGE_KEYS.reportDraft);
}

/** True when the resident has put anything in the form worth keeping. */
export function hasContent(form: ReportForm): boolean {
  return !!(form.category || form.description.trim() || form.photos.length || form.zoneId);
}

/** True when the resident has written or photographed something (what 我也遇到 would throw away). */
export function hasOwnDescriptionOrPhotos(form: ReportForm): boolean {
  return !!(form.description.trim() || form.photos.length);
}
