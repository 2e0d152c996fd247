// Every page of the app, declared once. app.config.ts builds app.json from this table and
// services/router.ts navigates by route name, so a page path is written nowhere else.
// Tab pages live in the main package; every other page sits in a subpackage (weapp loads
// those on first visit, keeping the main package small).

export interface RouteDef {
  /** Path without a leading slash, as app.json lists it. */
  path: string;
  /** Main-package tab pages only: the tab bar label. */
  tab?: string;
  /** Tab pages: the icon in assets/tabbar (<icon>.png, and <icon>-on.png when chosen). */
  icon?: string;
}

export const TAB_ROUTES = {
  home: { path: 'pages/index/index', tab: '首页', icon: 'home' },
  report: { path: 'pages/report/index', tab: '随手拍', icon: 'report' },
  myCases: { path: 'pages/cases/index', tab: '我的报事', icon: 'cases' },
  me: { path: 'pages/me/index', tab: '我的', icon: 'me' },
} as const satisfies Record<string, RouteDef>;

/** Subpackages: root → its pages (paths below the root). */
export const SUBPACKAGES = {
  'packages/stations': { list: 'list/index', detail: 'detail/index' },
  'packages/cases': { detail: 'detail/index' },
  'packages/events': { list: 'list/index', detail: 'detail/index', bookings: 'bookings/index', booking: 'booking/index' },
  'packages/notices': { list: 'list/index', detail: 'detail/index' },
  'packages/account': { signIn: 'sign-in/index', privacy: 'privacy/index', community: 'community/index', myData: 'data/index' },
  // Staff workspaces (工作台): officers and leads, secretaries, and the figures charts, which
  // both leads and secretaries open (one subpackage holds the chart library).
  'packages/staff': {
    queue: 'queue/index',
    case: 'case/index',
    patrol: 'patrol/index',
    events: 'events/index',
    session: 'session/index',
    zones: 'zones/index',
  },
  'packages/secretary': { notices: 'notices/index', whistle: 'whistle/index' },
  'packages/figures': { figures: 'index/index' },
  // The bureau's console (H5, laid out for a desktop browser).
  'packages/admin': { stations: 'stations/index', people: 'people/index', categories: 'categories/index', hotline: 'hotline/index', figures: 'figures/index' },
} as const;

/** The query parameters each route takes; routes not listed take none. */
export interface RouteParams {
  stationDetail: { id: string };
  caseDetail: { id: string };
  eventDetail: { id: string };
  booking: { id: string };
  noticeDetail: { id: string };
  staffCase: { id: string };
  staffSession: { id: string };
  /** Where to go back to after signing in (a route name). */
  signIn: { back?: string };
}

const sub = <R extends keyof typeof SUBPACKAGES>(root: R, page: keyof (typeof SUBPACKAGES)[R]): RouteDef => ({
  path: `${root}/${String((SUBPACKAGES[root] as Record<string, string>)[page as string])}`,
});

export const ROUTES = {
  ...TAB_ROUTES,
  stations: sub('packages/stations', 'list'),
  stationDetail: sub('packages/stations', 'detail'),
  caseDetail: sub('packages/cases', 'detail'),
  events: sub('packages/events', 'list'),
  eventDetail: sub('packages/events', 'detail'),
  bookings: sub('packages/events', 'bookings'),
  booking: sub('packages/events', 'booking'),
  notices: sub('packages/notices', 'list'),
  noticeDetail: sub('packages/notices', 'detail'),
  signIn: sub('packages/account', 'signIn'),
  privacy: sub('packages/account', 'privacy'),
  community: sub('packages/account', 'community'),
  myData: sub('packages/account', 'myData'),
  staffQueue: sub('packages/staff', 'queue'),
  staffCase: sub('packages/staff', 'case'),
  patrol: sub('packages/staff', 'patrol'),
  staffEvents: sub('packages/staff', 'events'),
  staffSession: sub('packages/staff', 'session'),
  staffZones: sub('packages/staff', 'zones'),
  managedNotices: sub('packages/secretary', 'notices'),
  whistle: sub('packages/secretary', 'whistle'),
  figures: sub('packages/figures', 'figures'),
  adminStations: sub('packages/admin', 'stations'),
  adminPeople: sub('packages/admin', 'people'),
  adminCategories: sub('packages/admin', 'categories'),
  adminHotline: sub('packages/admin', 'hotline'),
  adminFigures: sub('packages/admin', 'figures'),
} satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof ROUTES;

/** The app.json `pages` list: the tab pages, home first. */
export function mainPackagePages(): string[] {
  return Object.values(TAB_ROUTES).map((r) => r.path);
}

/** The app.json `subPackages` list. */
export function subPackages(): Array<{ root: string; pages: string[] }> {
  return Object.entries(SUBPACKAGES).map(([root, pages]) => ({ root, pages: Object.values(pages) }));
}

export function isTabRoute(name: RouteName): boolean {
  return 'tab' in ROUTES[name];
}
