import {
  CASE_MOVES,
  CASE_MOVE_LABELS,
  MOVE_PERMISSIONS,
  STAFF_MOVE_NAMES,
  allowedMoves,
  permissionScope,
  type CaseMove,
  type CaseStatus,
  type MoveNeeds,
  type Role,
} from '@citycare/shared';

// Which lifecycle buttons the staff case page shows, and what each asks for before it is sent.
// The server says which moves this person may make on this case now (`allowedMoves` in the
// case view: the table in shared/src/case-lifecycle.ts with the station scope applied); the
// page shows exactly those, in the table's order, each with the fields its row `needs`.

export type StaffMove = (typeof STAFF_MOVE_NAMES)[number];

export interface MoveAction {
  move: StaffMove;
  label: string;
  needs: readonly MoveNeeds[];
  /** Resolve also takes after-photos (处理后), which the resident sees beside the report's. */
  takesPhotos: boolean;
  /** Shown in red: it ends the case without fixing it, or sends it away. */
  tone: 'primary' | 'danger' | 'secondary';
}

const TONE: Record<StaffMove, MoveAction['tone']> = {
  accept: 'primary',
  start: 'primary',
  resolve: 'primary',
  reject: 'danger',
  merge: 'secondary',
  transfer: 'secondary',
  reopen: 'secondary',
};

/** The actions for the moves the server allows, in the lifecycle table's order. */
export function moveActions(allowed: readonly CaseMove[]): MoveAction[] {
  return STAFF_MOVE_NAMES.filter((move) => allowed.includes(move)).map((move) => ({
    move,
    label: CASE_MOVE_LABELS[move],
    needs: CASE_MOVES[move].needs,
    takesPhotos: move === 'resolve',
    tone: TONE[move],
  }));
}

/** The moves a role may make on a case of its own station in `status` (the table, no scope). */
export function movesForRole(role: Role, status: CaseStatus): CaseMove[] {
  const actors = MOVE_PERMISSIONS.filter((permission) => permissionScope(role, permission) !== undefined);
  return allowedMoves(status, actors).filter((move) => (STAFF_MOVE_NAMES as readonly CaseMove[]).includes(move));
}

export interface MoveInput {
  reason: string;
  note: string;
  outcome: string;
  targetCaseId: string;
  targetStationId: string;
}

const NEED_MESSAGES: Record<MoveNeeds, string> = {
  reason: '请填写原因',
  note: '请填写办结说明',
  outcome: '请选择处理结果',
  targetCaseId: '请选择要合并到的案件',
  targetStationId: '请选择转派的工作站',
};

/** What is still missing before `action` can be sent, in words; null when it is complete. */
export function missingInput(action: Pick<MoveAction, 'needs'>, input: MoveInput): string | null {
  const missing = action.needs.find((need) => !input[need].trim());
  return missing ? NEED_MESSAGES[missing] : null;
}
