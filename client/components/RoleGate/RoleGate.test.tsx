// The guard every staff and admin page sits behind: sign in, a polite refusal, or the page.
import { act, render, screen } from '@testing-library/react';
import type { Role } from '@citycare/shared';
import { adoptLogin, forgetSession } from '../../api/session';
import { getAppState } from '../../store/app-store';
import RoleGate from '.';

// Storage (the session) and navigation stand in memory.
jest.mock('@tarojs/taro', () => {
  const stored = new Map<string, unknown>();
  return { __esModule: true, default: { getStorageSync: (k: string) => stored.get(k) ?? '', setStorageSync: (k: string, v: unknown) => stored.set(k, v), removeStorageSync: (k: string) => stored.delete(k) } };
});

const signInAs = (role: Role) =>
  act(() => {
    getAppState();
    adoptLogin({ token: 't', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { id: 'u1', role, name: '测试', phone: null, stationId: null, community: null } });
  });

const page = () => render(<RoleGate roles={['admin']} back="me"><div data-testid="admin-page">管理后台</div></RoleGate>);

afterEach(() => act(() => forgetSession()));

describe('RoleGate', () => {
  test('when nobody is signed in, then it asks to sign in and shows nothing of the page', () => {
    act(() => forgetSession());
    page();
    expect(screen.getByTestId('sign-in-prompt')).toBeTruthy();
    expect(screen.queryByTestId('admin-page')).toBeNull();
  });

  test('when a resident opens an admin page, then a polite refusal naming both roles, not the page', () => {
    signInAs('resident');
    page();
    const refusal = screen.getByTestId('role-refused');
    expect(refusal.textContent).toContain('城管局管理员');
    expect(refusal.textContent).toContain('居民');
    expect(screen.queryByTestId('admin-page')).toBeNull();
  });

  test('when an admin opens it, then the page itself', () => {
    signInAs('admin');
    page();
    expect(screen.getByTestId('admin-page')).toBeTruthy();
    expect(screen.queryByTestId('role-refused')).toBeNull();
  });
});
