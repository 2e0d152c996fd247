import { CASE_STATUSES } from '@citycare/shared';
import { missingInput, moveActions, movesForRole } from './case-actions';

const EMPTY = { reason: '', note: '', outcome: '', targetCaseId: '', targetStationId: '' };

describe('moveActions', () => {
  test('when the server allows some moves, then exactly those show, in the table order, with what each needs', () => {
    const actions = moveActions(['merge', 'reject', 'accept', 'transfer']);
    expect(actions.map((a) => a.move)).toEqual(['accept', 'reject', 'merge', 'transfer']);
    expect(actions.find((a) => a.move === 'reject')?.needs).toEqual(['reason']);
    expect(actions.find((a) => a.move === 'transfer')?.needs).toEqual(['targetStationId', 'reason']);
  });

  test('when the system-only move close is listed, then no button offers it', () => {
    expect(moveActions(['close']).map((a) => a.move)).toEqual([]);
  });

  test('when resolve is allowed, then it asks for note and outcome and takes after-photos', () => {
    expect(moveActions(['resolve'])[0]).toMatchObject({ needs: ['note', 'outcome'], takesPhotos: true, label: '办结' });
  });
});

describe('movesForRole', () => {
  test('when an officer looks at a submitted case, then accept, reject and merge show, not transfer', () => {
    expect(movesForRole('officer', 'submitted')).toEqual(['accept', 'reject', 'merge']);
  });

  test('when a lead looks at a submitted or resolved case, then transfer and reopen are there too', () => {
    expect(movesForRole('lead', 'submitted')).toEqual(['accept', 'reject', 'merge', 'transfer']);
    expect(movesForRole('lead', 'resolved')).toEqual(['reopen']);
    expect(movesForRole('officer', 'resolved')).toEqual([]);
  });

  test('when a resident or secretary looks at any case, then no move shows', () => {
    for (const status of CASE_STATUSES) {
      expect(movesForRole('resident', status)).toEqual([]);
      expect(movesForRole('secretary', status)).toEqual([]);
    }
  });
});

describe('missingInput', () => {
  test('when a move lacks what it needs, then it says what, in Chinese; when complete, null', () => {
    const [resolve] = moveActions(['resolve']);
    expect(missingInput(resolve, EMPTY)).toBe('请填写办结说明');
    expect(missingInput(resolve, { ...EMPTY, note: '已清理' })).toBe('请选择处理结果');
    expect(missingInput(resolve, { ...EMPTY, note: '已清理', outcome: 'fixed' })).toBeNull();
    expect(missingInput(moveActions(['accept'])[0], EMPTY)).toBeNull();
    expect(missingInput(moveActions(['reject'])[0], { ...EMPTY, reason: '   ' })).toBe('请填写原因');
  });
});
