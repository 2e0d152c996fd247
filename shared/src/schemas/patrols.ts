import { z } from 'zod';
import { objectIdString } from '../validation';
import { createCaseBody } from './cases';

/** Problems one log may raise; each becomes a case, linked from the log. */
export const MAX_PATROL_PROBLEMS = 20;
export const MAX_PATROL_PHOTOS = 9;
/** A patrol is one outing: longer than this is a typing mistake. */
export const MAX_PATROL_HOURS = 24;

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** A problem found on patrol (未诉先办): the case fields an officer fills in. */
export const patrolProblemBody = createCaseBody.pick({
  category: true,
  description: true,
  photos: true,
  lat: true,
  lng: true,
  address: true,
  publicDescription: true,
});
export type PatrolProblemBody = z.output<typeof patrolProblemBody>;

/** POST /api/staff/patrols (with an Idempotency-Key header). Officer and station are the caller's. */
export const createPatrolBody = z
  .strictObject({
    startedAt: instant,
    endedAt: instant,
    area: z.string().trim().min(1).max(100),
    notes: z.string().trim().max(2000).default(''),
    photos: z.array(objectIdString('VALIDATION_FAILED')).max(MAX_PATROL_PHOTOS).default([]),
    problems: z.array(patrolProblemBody).max(MAX_PATROL_PROBLEMS).default([]),
  })
  .refine((b) => b.endedAt > b.startedAt && b.endedAt.getTime() - b.startedAt.getTime() <= MAX_PATROL_HOURS * 3600_000, {
    error: 'VALIDATION_FAILED',
    path: ['endedAt'],
    // Only once both times parsed: zod would otherwise run this on the raw
    // strings (or numbers) of a body whose times are already wrong.
    when: (payload) => payload.issues.length === 0,
  });
export type CreatePatrolBody = z.output<typeof createPatrolBody>;

/** GET /api/staff/patrols?date=YYYY-MM-DD (China day; default today); admins may name a station. */
export const patrolListQuery = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'INVALID_DATE_RANGE' }).optional(),
  stationId: objectIdString('VALIDATION_FAILED').optional(),
});
