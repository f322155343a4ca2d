import type { StateCreator } from 'zustand';
import type { RootState } from '../store.ts';

/** Every screen of the app. The hash mirrors it so a reload returns to the same screen. */
export type Route =
  | { name: 'sites' }
  | { name: 'site'; siteId: string }
  | { name: 'room'; roomId: string }
  | { name: 'device'; deviceId: string }
  | { name: 'newDevice'; roomId: string }
  | { name: 'templates' }
  | { name: 'template'; templateId: string }
  /** deviceId: open the walk-through at that device's first item (from the rack elevation). */
  | { name: 'audit'; auditId: string; deviceId?: string }
  | { name: 'findings'; auditId: string }
  | { name: 'exchange' }
  | { name: 'compare'; roomId: string }
  | { name: 'elevation'; roomId: string }
  | { name: 'summary'; auditId: string }
  | { name: 'reports' }
  | { name: 'signReport'; auditId: string }
  | { name: 'verify' }
  | { name: 'identities' }
  | { name: 'hub' }
  | { name: 'overview' };

export type NavigationSlice = {
  route: Route;
  navigate: (route: Route) => void;
};

export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'sites':
      return '#/';
    case 'site':
      return `#/site/${encodeURIComponent(route.siteId)}`;
    case 'room':
      return `#/room/${encodeURIComponent(route.roomId)}`;
    case 'device':
      return `#/device/${encodeURIComponent(route.deviceId)}`;
    case 'newDevice':
      return `#/new-device/${encodeURIComponent(route.roomId)}`;
    case 'templates':
      return '#/templates';
    case 'template':
      return `#/template/${encodeURIComponent(route.templateId)}`;
    case 'audit':
      return route.deviceId === undefined
        ? `#/audit/${encodeURIComponent(route.auditId)}`
        : `#/audit/${encodeURIComponent(route.auditId)}/${encodeURIComponent(route.deviceId)}`;
    case 'findings':
      return `#/findings/${encodeURIComponent(route.auditId)}`;
    case 'exchange':
      return '#/exchange';
    case 'compare':
      return `#/compare/${encodeURIComponent(route.roomId)}`;
    case 'elevation':
      return `#/elevation/${encodeURIComponent(route.roomId)}`;
    case 'summary':
      return `#/summary/${encodeURIComponent(route.auditId)}`;
    case 'reports':
      return '#/reports';
    case 'signReport':
      return `#/sign/${encodeURIComponent(route.auditId)}`;
    case 'verify':
      return '#/verify';
    case 'identities':
      return '#/identities';
    case 'hub':
      return '#/hub';
    case 'overview':
      return '#/overview';
  }
}

export function hashToRoute(hash: string): Route {
  const [, kind, raw, rawSub] = hash.replace(/^#/, '').split('/');
  const id = raw ? decodeURIComponent(raw) : '';
  const sub = rawSub ? decodeURIComponent(rawSub) : '';
  if (id && kind === 'site') return { name: 'site', siteId: id };
  if (id && kind === 'room') return { name: 'room', roomId: id };
  if (id && kind === 'device') return { name: 'device', deviceId: id };
  if (id && kind === 'new-device') return { name: 'newDevice', roomId: id };
  if (kind === 'templates') return { name: 'templates' };
  if (id && kind === 'template') return { name: 'template', templateId: id };
  if (id && kind === 'audit')
    return sub ? { name: 'audit', auditId: id, deviceId: sub } : { name: 'audit', auditId: id };
  if (id && kind === 'findings') return { name: 'findings', auditId: id };
  if (kind === 'exchange') return { name: 'exchange' };
  if (id && kind === 'compare') return { name: 'compare', roomId: id };
  if (id && kind === 'elevation') return { name: 'elevation', roomId: id };
  if (id && kind === 'summary') return { name: 'summary', auditId: id };
  if (kind === 'reports') return { name: 'reports' };
  if (id && kind === 'sign') return { name: 'signReport', auditId: id };
  if (kind === 'verify') return { name: 'verify' };
  if (kind === 'identities') return { name: 'identities' };
  if (kind === 'hub') return { name: 'hub' };
  if (kind === 'overview') return { name: 'overview' };
  return { name: 'sites' };
}

export const createNavigationSlice: StateCreator<RootState, [], [], NavigationSlice> = (set) => ({
  route: { name: 'sites' },
  navigate: (route) => set({ route }),
});
