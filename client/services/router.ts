import Taro from '@tarojs/taro';
import { ROUTES, isTabRoute, type RouteName, type RouteParams } from '../routes';

type ParamsOf<N extends RouteName> = N extends keyof RouteParams ? [RouteParams[N]] : [];

/** The URL of a route with its parameters, e.g. for sharing. */
export function routeUrl<N extends RouteName>(name: N, ...params: ParamsOf<N>): string {
  const query = Object.entries((params[0] ?? {}) as Record<string, string | undefined>)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return `/${ROUTES[name].path}${query ? `?${query}` : ''}`;
}

/** How long after a tap a second tap on the same link opens nothing (the page is sliding in). */
export const DOUBLE_TAP_MS = 500;

/** The page last asked for, for DOUBLE_TAP_MS (by the clock alone: a navigation that never settles cannot keep a link dead). */
let opening: string | null = null;

/**
 * Opens a page by route name: tabs switch, other pages stack. A second tap on
 * the same link within DOUBLE_TAP_MS (a double tap, an impatient tap during
 * the slide-in) opens nothing more, so one back returns where the user was.
 */
export async function go<N extends RouteName>(name: N, ...params: ParamsOf<N>): Promise<void> {
  const url = routeUrl(name, ...params);
  if (opening === url) return;
  opening = url;
  setTimeout(() => {
    if (opening === url) opening = null;
  }, DOUBLE_TAP_MS);
  await open(name, url);
}

async function open(name: RouteName, url: string): Promise<void> {
  if (isTabRoute(name)) {
    await Taro.switchTab({ url });
    return;
  }
  try {
    await Taro.navigateTo({ url });
  } catch {
    // navigateTo refuses once ten pages are stacked; replacing the current one still gets there.
    await Taro.redirectTo({ url });
  }
}

/**
 * Closes every open page and opens `name` afresh: after signing out, no page still mounted
 * (the tab pages stay mounted otherwise) keeps showing the last account's data.
 */
export async function restartAt(name: RouteName): Promise<void> {
  await Taro.reLaunch({ url: routeUrl(name as 'home') });
}

/** Back to the previous page, or home when this page was opened directly (a shared link). */
export async function goBack(): Promise<void> {
  if (Taro.getCurrentPages().length > 1) await Taro.navigateBack();
  else await Taro.switchTab({ url: routeUrl('home') });
}
