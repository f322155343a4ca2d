import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'pouchdb-core';
import { createRouter, type DispatchResult } from '../../main/bridge/router.ts';
import { handlers } from '../../main/handlers/index.ts';
import type { CallName, CallRequest, CallResponse } from '../../shared/bridge/contract.ts';
import { siteDatabase } from '../../shared/hub/names.ts';
import type { RoomcheckDb } from '../../renderer/db/db.ts';
import { createBridgeFetch, HUB_PLACEHOLDER_ORIGIN } from '../../renderer/sync/bridge-fetch.ts';
import type { HubSyncDeps } from '../../renderer/sync/hub-sync.ts';
import { PouchDB } from '../../renderer/sync/pouch.ts';
import { freshDbWithTemplates } from '../unit/renderer/db/support.ts';
import type { Person } from './hub-client.ts';
import type { TestHub } from './test-hub.ts';

// A laptop in a Node test: its own data directory for main (hub settings, identities), its own
// Dexie database on fake-indexeddb, PouchDB mirrors in memory, and PouchDB's HTTP going through
// the real router and hub handlers, exactly the path the app's bridge takes.

let laptops = 0;

export type Laptop = {
  name: string;
  db: RoomcheckDb;
  dataDir: string;
  call: <N extends CallName>(name: N, request: CallRequest<N>) => Promise<CallResponse<N>>;
  deps: (publishes?: boolean) => HubSyncDeps;
  mirror: (site: string) => Database;
  close: () => Promise<void>;
};

/** Node's PouchDB adapters read attachment bodies with buffer(), not the browser's blob(). */
const nodeFinish = (response: Response, bytes: Uint8Array) =>
  Object.assign(response, { buffer: async () => Buffer.from(bytes) });

export async function laptop(name: string, person: Person): Promise<Laptop> {
  const dataDir = await mkdtemp(join(tmpdir(), `roomcheck-laptop-${name}-`));
  const dispatch = createRouter(handlers, { dataDir, version: 'test', transport: 'loopback' });
  const call = async <N extends CallName>(n: N, request: CallRequest<N>) => {
    const r: DispatchResult = await dispatch(n, request);
    if (!r.ok) throw new Error(`${n}: ${r.error.code}: ${r.error.message}`);
    return r.value as CallResponse<N>;
  };
  const db = await freshDbWithTemplates();
  const bridgeFetch = createBridgeFetch(
    { fetch: (r) => call('hubFetch', r), abort: (id) => call('hubAbort', { id }) },
    nodeFinish,
  );
  const mirrors = new Map<string, Database>();
  const id = ++laptops;
  const mirror = (site: string) => {
    let m = mirrors.get(site);
    if (!m) {
      m = new PouchDB(`laptop${process.pid}-${id}-${site}`, { adapter: 'memory' });
      mirrors.set(site, m);
    }
    return m;
  };
  const remote = (site: string) =>
    new PouchDB(`${HUB_PLACEHOLDER_ORIGIN}/${siteDatabase(site)}`, {
      fetch: bridgeFetch,
      skip_setup: true,
    });
  return {
    name,
    db,
    dataDir,
    call,
    mirror,
    deps: (publishes = true) => ({ db, local: mirror, remote, user: person.name, publishes }),
    close: async () => {
      await Promise.all([...mirrors.values()].map((m) => m.destroy()));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function joinHub(
  l: Laptop,
  hub: TestHub,
  person: Person,
  sites?: string[],
): Promise<void> {
  await l.call('hubJoin', {
    url: hub.url,
    user: person.name,
    password: person.password,
    caPem: null,
    ...(sites ? { sites } : {}),
    protection: { kind: 'passphrase', passphrase: `${person.name} laptop passphrase` },
  });
}
