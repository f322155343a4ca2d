import { z } from 'zod';
import {
  DESIGN_DOC_ID,
  ROLE,
  SiteCodeSchema,
  siteDatabase,
  siteRole,
} from '../../shared/hub/names.ts';
import { designDocument } from './design-document.ts';
import { hubHttp, type HubHttpResponse } from './hub-http.ts';

// Sets up a hub as Roomcheck expects it, with the server admin's credentials: one database per
// site, its _security (members: that site's inspectors, managers and the import station; admins:
// the server admin alone), the rules' design document, and the users with their roles. Run by
// main/scripts/hub-setup.ts against Apache CouchDB 3.x and by the tests against the stand-in.
// Running it again changes only what differs.

export const HubPlanSchema = z
  .object({
    sites: z.array(SiteCodeSchema).min(1).max(1000),
    users: z
      .array(
        z
          .object({
            name: z
              .string()
              .regex(/^[A-Za-z0-9._-]{1,64}$/, 'a user name uses A-Z, a-z, 0-9 . _ -'),
            password: z.string().min(8).max(1024),
            roles: z.array(z.string().min(1).max(100)).max(1000),
          })
          .strict(),
      )
      .max(10_000),
  })
  .strict();
export type HubPlan = z.infer<typeof HubPlanSchema>;

export type HubAdmin = { origin: string; caPem: string | null; name: string; password: string };

/** The _security object of a site's database. */
export const siteSecurity = (code: string) => ({
  admins: { names: [], roles: [] },
  members: { names: [], roles: [siteRole(code), ROLE.manager, ROLE.importer] },
});

export class ProvisionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProvisionError';
  }
}

function client(admin: HubAdmin) {
  const authorization = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
  return async (method: string, path: string, body?: unknown): Promise<HubHttpResponse> =>
    hubHttp({
      origin: admin.origin,
      method,
      path,
      headers: {
        authorization,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : new TextEncoder().encode(JSON.stringify(body)),
      caPem: admin.caPem,
      maxResponseBytes: 16 * 1024 * 1024,
      timeoutMs: 30_000,
    });
}

const json = (res: HubHttpResponse): Record<string, unknown> => {
  try {
    return JSON.parse(new TextDecoder().decode(res.body)) as Record<string, unknown>;
  } catch {
    return {};
  }
};

function expect(res: HubHttpResponse, ok: number[], what: string): void {
  if (!ok.includes(res.status)) {
    const reason = json(res).reason ?? json(res).error ?? '';
    throw new ProvisionError(`${what}: the hub answered ${res.status} ${String(reason)}`.trim());
  }
}

/** Creates or updates a document so that it holds `body`; returns whether it changed. */
async function putDocument(
  send: ReturnType<typeof client>,
  path: string,
  body: Record<string, unknown>,
  same: (stored: Record<string, unknown>) => boolean,
  what: string,
): Promise<boolean> {
  const current = await send('GET', path);
  expect(current, [200, 404], what);
  let rev: unknown;
  if (current.status === 200) {
    const stored = json(current);
    if (same(stored)) return false;
    rev = stored._rev;
  }
  const res = await send('PUT', path, rev === undefined ? body : { ...body, _rev: rev });
  expect(res, [201, 202], what);
  return true;
}

export async function provisionHub(admin: HubAdmin, plan: HubPlan): Promise<string[]> {
  const send = client(admin);
  const log: string[] = [];
  const session = await send('GET', '/_session');
  expect(session, [200], 'Signing in as the server admin');
  const roles = (json(session).userCtx as { roles?: string[] } | undefined)?.roles ?? [];
  if (!roles.includes('_admin')) throw new ProvisionError(`${admin.name} is not a server admin.`);

  const design = designDocument();
  for (const code of plan.sites) {
    const db = `/${siteDatabase(code)}`;
    const created = await send('PUT', db);
    expect(created, [201, 202, 412], `Creating ${db}`);
    log.push(created.status === 412 ? `${db} exists` : `${db} created`);
    const security = await send('PUT', `${db}/_security`, siteSecurity(code));
    expect(security, [200, 201], `Setting ${db}/_security`);
    const changed = await putDocument(
      send,
      `${db}/${DESIGN_DOC_ID}`,
      design,
      (s) =>
        s.validate_doc_update === design.validate_doc_update &&
        JSON.stringify(s.roomcheck) === JSON.stringify(design.roomcheck),
      `Installing the rules in ${db}`,
    );
    log.push(`${db}/${DESIGN_DOC_ID} ${changed ? 'installed' : 'up to date'}`);
  }
  for (const user of plan.users) {
    const path = `/_users/org.couchdb.user:${encodeURIComponent(user.name)}`;
    // A password is stored hashed, so it cannot be compared: users are always written.
    await putDocument(
      send,
      path,
      {
        _id: `org.couchdb.user:${user.name}`,
        name: user.name,
        type: 'user',
        roles: user.roles,
        password: user.password,
      },
      () => false,
      `Writing user ${user.name}`,
    );
    log.push(`user ${user.name}: ${user.roles.join(', ') || 'no roles'}`);
  }
  return log;
}
