// The case (随手拍) lifecycle: every allowed move in one table (docs/design.md,
// "The case lifecycle"). Who may make a move is a permission from roles.ts,
// checked by the server's one permission check; the server applies a move with
// one function that writes a timeline entry. Nothing else changes a status.
import type { Permission } from './roles';

export const CASE_STATUSES = ['submitted', 'accepted', 'in_progress', 'resolved', 'closed', 'rejected', 'duplicate'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  in_progress: '处置中',
  resolved: '已办结',
  closed: '已结案',
  rejected: '不予受理',
  duplicate: '重复件',
};

/** States as predicates, so code asks "is it open?" rather than listing statuses. */
export const isOpen = (s: CaseStatus): boolean => s === 'submitted' || s === 'accepted' || s === 'in_progress';
export const isFinal = (s: CaseStatus): boolean => s === 'closed' || s === 'rejected' || s === 'duplicate';
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter(isOpen);
export const NOT_OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !isOpen(s));

/** What became of the problem, separate from the status: "closed" never pretends to be "fixed". */
export const CASE_OUTCOMES = ['fixed', 'referred', 'no_action'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const CASE_OUTCOME_LABELS: Record<CaseOutcome, string> = {
  fixed: '已解决',
  referred: '已转交其他部门',
  no_action: '无需处置',
};

/**
 * Who may make a move: whoever holds the named permission for the case's
 * station (roles.ts: officers and leads handle, leads transfer and reopen,
 * admins everything), or the system (jobs, ratings).
 */
export const MOVE_PERMISSIONS = ['case.handle', 'case.transfer', 'case.reopen'] as const satisfies readonly Permission[];
export type MovePermission = (typeof MOVE_PERMISSIONS)[number];
export type Actor = MovePermission | 'system';

/** What a move needs besides the case. */
export type MoveNeeds = 'reason' | 'note' | 'outcome' | 'targetCaseId' | 'targetStationId';

export const CASE_MOVES = {
  accept: { from: ['submitted'], to: 'accepted', by: ['case.handle'], needs: [] },
  reject: { from: ['submitted'], to: 'rejected', by: ['case.handle'], needs: ['reason'] },
  merge: { from: ['submitted', 'accepted'], to: 'duplicate', by: ['case.handle'], needs: ['targetCaseId'] },
  start: { from: ['accepted'], to: 'in_progress', by: ['case.handle'], needs: [] },
  transfer: {
    from: ['submitted', 'accepted', 'in_progress'],
    to: 'submitted',
    by: ['case.transfer'],
    needs: ['targetStationId', 'reason'],
  },
  resolve: { from: ['in_progress'], to: 'resolved', by: ['case.handle'], needs: ['note', 'outcome'] },
  close: { from: ['resolved'], to: 'closed', by: ['system'], needs: [] },
  reopen: { from: ['resolved', 'closed'], to: 'in_progress', by: ['case.reopen', 'system'], needs: ['reason'] },
} as const satisfies Record<
  string,
  { from: readonly CaseStatus[]; to: CaseStatus; by: readonly Actor[]; needs: readonly MoveNeeds[] }
>;

export type CaseMove = keyof typeof CASE_MOVES;
export const CASE_MOVE_NAMES = Object.keys(CASE_MOVES) as CaseMove[];
/** The moves a person can ask for (the rest only the system makes). */
export const STAFF_MOVE_NAMES = CASE_MOVE_NAMES.filter((name) =>
  (CASE_MOVES[name].by as readonly Actor[]).some((actor) => actor !== 'system'),
) as Exclude<CaseMove, 'close'>[];

export const CASE_MOVE_LABELS: Record<CaseMove, string> = {
  accept: '受理',
  reject: '不予受理',
  merge: '合并为重复件',
  start: '开始处置',
  transfer: '转派其他工作站',
  resolve: '办结',
  close: '结案',
  reopen: '重办',
};

/** The moves allowed from `status` for an actor holding any of `actors`. */
export function allowedMoves(status: CaseStatus, actors: readonly Actor[]): CaseMove[] {
  return CASE_MOVE_NAMES.filter((name) => {
    const move = CASE_MOVES[name];
    return (move.from as readonly CaseStatus[]).includes(status) && move.by.some((a) => actors.includes(a));
  });
}

export function canMove(move: CaseMove, status: CaseStatus): boolean {
  return (CASE_MOVES[move].from as readonly CaseStatus[]).includes(status);
}

/** A resolved case no rating closed or reopened is closed by the system this long after it was resolved. */
export const AUTO_CLOSE_AFTER_MS = 7 * 24 * 3600_000;

/** Ratings are 1–5 stars; what a score does to a resolved case. */
export const RATING_REOPEN_MAX = 2;
export const RATING_CLOSE_MIN = 4;

/** ≤ 2 stars → 重办 (reopened, escalated); ≥ 4 → closed; 3 → stays resolved until the auto-close job. */
export function ratingConsequence(score: number): 'reopen' | 'close' | null {
  if (score <= RATING_REOPEN_MAX) return 'reopen';
  if (score >= RATING_CLOSE_MIN) return 'close';
  return null;
}
