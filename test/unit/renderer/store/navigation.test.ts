import { describe, expect, it } from 'vitest';
import {
  hashToRoute,
  ROUTES,
  routeToHash,
  type Route,
  type RouteName,
} from '../../../../renderer/store/slices/navigation.ts';

// Routes are declared once (ROUTES); the hash in both directions is derived from it.

const ID = 'a/b c?#%é';
const example = (name: RouteName): Route => {
  const { param } = ROUTES[name];
  return (param === null ? { name } : { name, [param]: ID }) as Route;
};

describe('routes', () => {
  it('give every declared screen its own hash, which leads back to the same route', () => {
    const names = Object.keys(ROUTES) as RouteName[];
    const hashes = names.map((name) => routeToHash(example(name)));
    expect(new Set(hashes.map((h) => h.split('/')[1])).size).toBe(names.length);
    for (const name of names)
      expect(hashToRoute(routeToHash(example(name)))).toEqual(example(name));
  });

  it('keep the hashes that bookmarks and reloads already use', () => {
    expect(routeToHash({ name: 'sites' })).toBe('#/');
    expect(routeToHash({ name: 'signReport', auditId: 'x1' })).toBe('#/sign/x1');
    expect(routeToHash({ name: 'newDevice', roomId: 'r 1' })).toBe('#/new-device/r%201');
    expect(hashToRoute('#/room/r1')).toEqual({ name: 'room', roomId: 'r1' });
    expect(hashToRoute('#/templates')).toEqual({ name: 'templates' });
  });

  it('send unknown hashes, and screens missing their id, to the list of sites', () => {
    for (const hash of ['', '#', '#/', '#/nowhere/1', '#/room', '#/room/', '#/constructor/x'])
      expect(hashToRoute(hash)).toEqual({ name: 'sites' });
  });
});
