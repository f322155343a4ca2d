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
  /** deviceId: open the walk-through at that device's first item (from the rack elevation). */
  audit: { path: 'audit', param: 'auditId', optional: 'deviceId' },
  findings: { path: 'findings', param: 'auditId' },
  exchange: { path: 'exchange', param: null },
  compare: { path: 'compare', param: 'roomId' },
  elevation: { path: 'elevation', param: 'roomId' },
  summary: { path: 'summary', param: 'auditId' },
  reports: { path: 'reports', param: null },
  signReport: { path: 'sign', param: 'auditId' },
  verify: { path: 'verify', param: null },
  identities: { path: 'identities', param: null },
  hub: { path: 'hub', param: null },
  overview: { path: 'overview', param: null },
} as const satisfies Record<string, { path: string; param: string | null; optional?: string }>;

export type RouteName = keyof typeof ROUTES;
type ParamOf<N extends RouteName> = (typeof ROUTES)[N]['param'];
/** A second, optional id after the first (only the walk-through has one). */
type OptionalOf<N extends RouteName> = (typeof ROUTES)[N] extends {
  optional: infer O extends string;
}
  ? O
  : never;
export type RouteOf<N extends RouteName> = (ParamOf<N> extends string
  ? { name: N } & { [K in ParamOf<N>]: string }
  : { name: N }) & { [K in OptionalOf<N>]?: string };
export type Route = { [N in RouteName]: RouteOf<N> }[RouteName];

const HOME: Route = { name: 'sites' };

function optionalParam(name: RouteName): string | undefined {
  const entry: { path: string; optional?: string } = ROUTES[name];
  return entry.optional;
}

export function routeToHash(route: Route): string {
  const { path, param } = ROUTES[route.name];
  if (param === null) return `#/${path}`;
  const ids = route as Record<string, string | undefined>;
  const id = ids[param] ?? '';
  const optional = optionalParam(route.name);
  const sub = optional === undefined ? undefined : ids[optional];
  return sub === undefined
    ? `#/${path}/${encodeURIComponent(id)}`
    : `#/${path}/${encodeURIComponent(id)}/${encodeURIComponent(sub)}`;
}

export function hashToRoute(hash: string): Route {
  const [, path, raw, rawSub] = hash.replace(/^#/, '').split('/');
  const id = raw ? decodeURIComponent(raw) : '';
  const sub = rawSub ? decodeURIComponent(rawSub) : '';
  const name = (Object.keys(ROUTES) as RouteName[]).find((n) => ROUTES[n].path === path);
  if (name === undefined) return HOME;
  const { param } = ROUTES[name];
  if (param === null) return { name } as Route;
  if (!id) return HOME;
  const optional = optionalParam(name);
  return (
    optional !== undefined && sub ? { name, [param]: id, [optional]: sub } : { name, [param]: id }
  ) as Route;
}

export type NavigationSlice = {
  route: Route;
  navigate: (route: Route) => void;
};

export const createNavigationSlice: StateCreator<RootState, [], [], NavigationSlice> = (set) => ({
  route: HOME,
  navigate: (route) => set({ route }),
});
