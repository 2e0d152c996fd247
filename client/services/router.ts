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

/** Opens a page by route name: tabs switch, other pages stack. */
export async function go<N extends RouteName>(name: N, ...params: ParamsOf<N>): Promise<void> {
  const url = routeUrl(name, ...params);
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

/** Back to the previous page, or home when this page was opened directly (a shared link). */
export async function goBack(): Promise<void> {
  if (Taro.getCurrentPages().length > 1) await Taro.navigateBack();
  else await Taro.switchTab({ url: routeUrl('home') });
}
