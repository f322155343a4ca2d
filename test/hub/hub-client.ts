import { hubHttp } from '../../main/hub/hub-http.ts';
import { provisionHub, type HubPlan } from '../../main/hub/provision.ts';
import type { TestHub } from './test-hub.ts';

// Talking to the stand-in hub directly, as a person with curl would: for setting it up and for
// the "even with direct HTTP" checks.

export type Answer = { status: number; body: Record<string, unknown> & { [k: string]: unknown } };

export type Person = { name: string; password: string };
export type Credentials = Person | null;

export function hubClient(hub: TestHub, caPem: string | null = null) {
  return async function send(
    who: Credentials,
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<Answer> {
    const bytes =
      body === undefined
        ? null
        : body instanceof Uint8Array
          ? body
          : new TextEncoder().encode(JSON.stringify(body));
    const res = await hubHttp({
      origin: hub.url,
      method,
      path,
      headers: {
        accept: 'application/json',
        ...(bytes ? { 'content-type': contentType } : {}),
        ...(who
          ? {
              authorization: `Basic ${Buffer.from(`${who.name}:${who.password}`).toString('base64')}`,
            }
          : {}),
      },
      body: bytes,
      caPem,
      maxResponseBytes: 64 * 1024 * 1024,
      timeoutMs: 60_000,
    });
    const text = new TextDecoder().decode(res.body);
    let parsed: unknown = {};
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { text };
    }
    return { status: res.status, body: parsed as Answer['body'] };
  };
}

/** The users and sites most tests use: alice inspects a, bob inspects b, mary manages. */
export const PEOPLE: Record<'alice' | 'anna' | 'bob' | 'mary' | 'ivan', Person> = {
  alice: { name: 'alice', password: 'alice-passphrase' },
  anna: { name: 'anna', password: 'anna-passphrase' },
  bob: { name: 'bob', password: 'bob-passphrase' },
  mary: { name: 'mary', password: 'mary-passphrase' },
  ivan: { name: 'ivan', password: 'ivan-passphrase' },
};

export const STANDARD_PLAN: HubPlan = {
  sites: ['a', 'b'],
  users: [
    { ...PEOPLE.alice, roles: ['inspector', 'site:a'] },
    { ...PEOPLE.anna, roles: ['inspector', 'site:a'] },
    { ...PEOPLE.bob, roles: ['inspector', 'site:b'] },
    { ...PEOPLE.mary, roles: ['manager'] },
    { ...PEOPLE.ivan, roles: ['importer'] },
  ],
};

export function provision(
  hub: TestHub,
  plan: HubPlan = STANDARD_PLAN,
  caPem: string | null = null,
) {
  return provisionHub({ origin: hub.url, caPem, ...hub.admin }, plan);
}
