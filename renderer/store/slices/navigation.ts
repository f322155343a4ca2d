import type { StateCreator } from 'zustand';
import type { RootState } from '../store.ts';

/**
 * Every screen of the app, declared once: its name, the first segment of its hash and the id it
 * takes, if any. The Route type, the hash in both directions and the screen table in
 * renderer/app/App.tsx (which must cover every name to compile) all derive from this. The hash
 * mirrors the route so that a reload returns to the same screen.
 */
export const ROUTES = {
  sites: { path: '', param: null },
  site: { path: 'site', param: 'siteId' },
  room: { path: 'room', param: 'roomId' },
  device: { path: 'device', param: 'deviceId' },
  newDevice: { path: 'new-device', param: 'roomId' },
  templates: { path: 'templates', param: null },
  template: { path: 'template', param: 'templateId' },
  audit: { path: 'audit', param: 'auditId' },
  findings: { path: 'findings', param: 'auditId' },
  exchange: { path: 'exchange', param: null },
  compare: { path: 'compare', param: 'roomId' },
  summary: { path: 'summary', param: 'auditId' },
  reports: { path: 'reports', param: null },
  signReport: { path: 'sign', param: 'auditId' },
  verify: { path: 'verify', param: null },
  identities: { path: 'identities', param: null },
} as const satisfies Record<string, { path: string; param: string | null }>;

export type RouteName = keyof typeof ROUTES;
type ParamOf<N extends RouteName> = (typeof ROUTES)[N]['param'];
export type RouteOf<N extends RouteName> =
  ParamOf<N> extends string ? { name: N } & { [K in ParamOf<N>]: string } : { name: N };
export type Route = { [N in RouteName]: RouteOf<N> }[RouteName];

const HOME: Route = { name: 'sites' };

export function routeToHash(route: Route): string {
  const { path, param } = ROUTES[route.name];
  if (param === null) return `#/${path}`;
  const id = (route as Record<string, string>)[param] ?? '';
  return `#/${path}/${encodeURIComponent(id)}`;
}

export function hashToRoute(hash: string): Route {
  const [, path, raw] = hash.replace(/^#/, '').split('/');
  const id = raw ? decodeURIComponent(raw) : '';
  const name = (Object.keys(ROUTES) as RouteName[]).find((n) => ROUTES[n].path === path);
  if (name === undefined) return HOME;
  const { param } = ROUTES[name];
  if (param === null) return { name } as Route;
  return id ? ({ name, [param]: id } as Route) : HOME;
}

export type NavigationSlice = {
  route: Route;
  navigate: (route: Route) => void;
};

export const createNavigationSlice: StateCreator<RootState, [], [], NavigationSlice> = (set) => ({
  route: HOME,
  navigate: (route) => set({ route }),
});
