// A staff page's door: the content for the roles named, a polite refusal for anyone else.
import { render, screen } from '@testing-library/react';
import type { Role } from '@citycare/shared';
import RoleGate from '.';

let role: Role | null = null;
jest.mock('../../store/app-store', () => ({ useAppState: (select: (s: { role: Role | null; elderMode: boolean }) => unknown) => select({ role, elderMode: false }) }));
jest.mock('../../services/router', () => ({ go: jest.fn() }));
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

function gate(): void {
  render(
    <RoleGate roles={['officer', 'lead']}>
      <span data-testid="staff-content">队列</span>
    </RoleGate>,
  );
}

describe('RoleGate', () => {
  test('when an officer or a lead opens the page, then they get its content', () => {
    for (const r of ['officer', 'lead'] as const) {
      role = r;
      gate();
      expect(screen.getByTestId('staff-content')).toBeTruthy();
      expect(screen.queryByTestId('role-refused')).toBeNull();
      document.body.innerHTML = '';
    }
  });

  test('when a resident or a secretary types the path, then the content is not mounted and the refusal names their role', () => {
    role = 'resident';
    gate();
    expect(screen.queryByTestId('staff-content')).toBeNull();
    expect(screen.getByTestId('role-refused').textContent).toContain('此页面仅供工作人员使用');
    expect(screen.getByTestId('role-refused').textContent).toContain('当前账号为居民');
    document.body.innerHTML = '';
    role = 'secretary';
    gate();
    expect(screen.getByTestId('role-refused').textContent).toContain('社区书记');
  });

  test('when nobody is signed in, then it asks to sign in', () => {
    role = null;
    gate();
    expect(screen.queryByTestId('staff-content')).toBeNull();
    expect(screen.getByTestId('sign-in-prompt')).toBeTruthy();
  });
});
