import type { Database } from 'pouchdb-core';
import type { HubStatus } from '../../shared/bridge/hub-schemas.ts';
import { siteDatabase } from '../../shared/hub/names.ts';
import { call } from '../bridge/client.ts';
import { db } from '../db/instance.ts';
import { useStore } from '../store/store.ts';
import { createBridgeFetch, HUB_PLACEHOLDER_ORIGIN } from './bridge-fetch.ts';
import { listConflicts, resolveConflict, type Conflict } from './conflicts.ts';
import { pendingCount, syncSite, type HubSyncDeps } from './hub-sync.ts';
import { publish } from './mirror.ts';
import { PouchDB } from './pouch.ts';
import { exportSyncFile, loadSyncFile } from './sync-file.ts';

// The app's hub connection: one PouchDB mirror per hub site in IndexedDB (kept open for the
// session: closing one with a write in flight leaves that write pending for ever), the hub's
// databases reached through main, automatic one-shot syncs, and the counts the status bar shows.

const AUTO_SYNC_MS = 5 * 60_000;
const mirrors = new Map<string, Database>();

const bridgeFetch = createBridgeFetch({
  fetch: (request) => call('hubFetch', request),
  abort: (id) => call('hubAbort', { id }),
});

export function mirrorOf(site: string): Database {
  let mirror = mirrors.get(site);
  if (!mirror) {
    mirror = new PouchDB(`roomcheck-hub-${site}`);
    mirrors.set(site, mirror);
  }
  return mirror;
}

const remoteOf = (site: string): Database =>
  new PouchDB(`${HUB_PLACEHOLDER_ORIGIN}/${siteDatabase(site)}`, {
    fetch: bridgeFetch,
    skip_setup: true,
  });

function depsFor(hub: Extract<HubStatus, { state: 'ready' | 'locked' }>): HubSyncDeps {
  const reader = hub.manager || hub.roles.includes('importer');
  return {
    db: db(),
    local: mirrorOf,
    remote: remoteOf,
    user: hub.user,
    publishes: !reader,
    pushes: !hub.manager,
  };
}

const store = () => useStore.getState();

export async function refreshHubStatus(): Promise<HubStatus> {
  const hub = await call('hubStatus', {});
  store().setHub(hub);
  return hub;
}

/** Recounts what is pending and in conflict (after local edits, or a resolution). */
export async function refreshCounts(): Promise<void> {
  const hub = store().hub;
  if (hub.state === 'none') return;
  const deps = depsFor(hub);
  let pending = 0;
  let conflicts = 0;
  for (const site of hub.siteCodes) {
    pending += await pendingCount(deps, site);
    conflicts += (await listConflicts(mirrorOf(site))).length;
  }
  store().setSync({ pending, conflicts });
}

/** Syncs every site of this user, one after another. Returns false when one is running. */
export async function syncNow(): Promise<boolean> {
  const hub = store().hub;
  if (hub.state !== 'ready' || store().sync.running) return false;
  store().setSync({ running: true, problem: null });
  const deps = depsFor(hub);
  let denied = 0;
  let refused = 0;
  try {
    for (const site of hub.siteCodes) {
      const result = await syncSite(deps, site);
      denied += result.denied.length;
      refused += result.refused.length;
    }
    store().setSync({ lastSyncAt: new Date().toISOString(), denied, refused });
    await refreshCounts();
    return true;
  } catch (err) {
    store().setSync({ problem: err instanceof Error ? err.message : String(err) });
    return false;
  } finally {
    store().setSync({ running: false });
  }
}

let timer: ReturnType<typeof setInterval> | null = null;

/** Reads the hub status and syncs now and every few minutes while the hub is ready. */
export function startAutoSync(): void {
  void refreshHubStatus()
    .then(async (hub) => {
      if (hub.state === 'none') return;
      await refreshCounts();
      await syncNow();
    })
    .catch(() => undefined);
  timer ??= setInterval(() => void syncNow(), AUTO_SYNC_MS);
}

export async function allConflicts(): Promise<Conflict[]> {
  const hub = store().hub;
  if (hub.state === 'none') return [];
  const out: Conflict[] = [];
  for (const site of hub.siteCodes) out.push(...(await listConflicts(mirrorOf(site))));
  return out;
}

export async function resolve(conflict: Conflict, keepRev: string): Promise<void> {
  const hub = store().hub;
  if (hub.state === 'none') return;
  await resolveConflict(db(), mirrorOf(conflict.site), conflict, keepRev, hub.user);
  await refreshCounts();
}

/**
 * Writes a site's sync file (air gap): the site's latest changes are published into its mirror
 * first, under `publishedBy` (the inspector's user name at the hub), then every revision of the
 * mirror is written and signed with the chosen identity.
 */
export async function exportSiteFile(
  site: string,
  publishedBy: string,
  identityId: string,
  passphrase: string | undefined,
): Promise<Uint8Array> {
  const hub = store().hub;
  const reader = hub.state !== 'none' && (hub.manager || hub.roles.includes('importer'));
  if (!reader) await publish(db(), mirrorOf(site), site, publishedBy);
  return exportSyncFile(mirrorOf(site), site, publishedBy, async (sha256) => {
    const signed = await call('syncFileSign', {
      identityId,
      sha256,
      ...(passphrase ? { passphrase } : {}),
    });
    return signed.cmsBase64;
  });
}

export async function loadSiteFile(bytes: Uint8Array) {
  const hub = store().hub;
  const allowed = hub.state === 'none' ? null : new Set(hub.siteCodes);
  const result = await loadSyncFile(
    db(),
    (site) => (allowed === null || allowed.has(site) ? mirrorOf(site) : null),
    bytes,
    (sha256, cmsBase64) => call('syncFileVerify', { sha256, cmsBase64 }),
  );
  if (result.ok) await refreshCounts();
  return result;
}
