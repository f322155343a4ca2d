import { canonicalJson } from '../../../shared/record/canonical.ts';
import { EDITABLE_KINDS, type EditableKind } from '../../../shared/hub/documents.ts';
import type { AuditSnapshot } from '../../../shared/snapshot/schema.ts';
import type { RoomcheckDb } from '../db.ts';
import type { AuditRecordRow } from '../types.ts';

// The database side of the hub mirror: what a site shares (its inventory, the templates, its
// completed audits' records and photos) and how documents received from the hub land here.
// Received rows replace local ones only when their content differs; a completed audit's record
// that this database already holds is never replaced.

type Row = Record<string, unknown> & { id: string };

/** Which site each local site is shared as at the hub (settings row `hub.siteLinks`). */
const LINKS_KEY = 'hub.siteLinks';

export async function siteLinks(db: RoomcheckDb): Promise<Record<string, string>> {
  const row = await db.settings.get(LINKS_KEY);
  const value = row?.value;
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );
}

export async function linkSite(db: RoomcheckDb, siteId: string, code: string | null) {
  await db.transaction('rw', db.settings, async () => {
    const links = await siteLinks(db);
    if (code === null) delete links[siteId];
    else links[siteId] = code;
    await db.settings.put({ key: LINKS_KEY, value: links });
  });
}

export type SharedContent = {
  rows: { kind: EditableKind; row: Row }[];
  records: AuditRecordRow[];
};

/** Everything the local sites linked to `code` share: their inventory, templates, records. */
export async function sharedContent(db: RoomcheckDb, code: string): Promise<SharedContent> {
  const links = await siteLinks(db);
  const siteIds = Object.keys(links).filter((id) => links[id] === code);
  return db.transaction(
    'r',
    [db.sites, db.rooms, db.racks, db.devices, db.templates, db.auditRecords],
    async () => {
      const sites = (await db.sites.bulkGet(siteIds)).filter((s) => s !== undefined);
      const rooms = await db.rooms.where('siteId').anyOf(siteIds).toArray();
      const racks = await db.racks
        .where('roomId')
        .anyOf(rooms.map((r) => r.id))
        .toArray();
      const devices = await db.devices.where('siteId').anyOf(siteIds).toArray();
      const templates = (await db.templates.toArray()).filter((t) => !t.builtIn);
      const records = (await db.auditRecords.where('siteId').anyOf(siteIds).toArray()).filter(
        (r) => r.source === 'completed',
      );
      const rows = [
        ...sites.map((row) => ({ kind: 'site' as const, row })),
        ...rooms.map((row) => ({ kind: 'room' as const, row })),
        ...racks.map((row) => ({ kind: 'rack' as const, row })),
        ...devices.map((row) => ({ kind: 'device' as const, row })),
        ...templates.map((row) => ({ kind: 'template' as const, row })),
      ];
      return { rows: rows as SharedContent['rows'], records };
    },
  );
}

/** The photos (by SHA-256) a record refers to, as far as this database holds them. */
export async function evidenceBytes(
  db: RoomcheckDb,
  snapshot: AuditSnapshot,
): Promise<{ sha256: string; mimeType: string; blob: Blob }[]> {
  const out: { sha256: string; mimeType: string; blob: Blob }[] = [];
  for (const e of snapshot.evidence) {
    const row =
      (await db.evidence.get(e.id)) ?? (await db.evidence.where('sha256').equals(e.sha256).first());
    if (row) out.push({ sha256: row.sha256, mimeType: row.mimeType, blob: row.blob });
  }
  return out;
}

export type Received = {
  rows: { kind: EditableKind; row: Row }[];
  records: AuditRecordRow[];
  /** Site links learnt from received site documents. */
  links: Record<string, string>;
};

/** Writes what arrived from the hub in one transaction; returns how many rows changed. */
export async function applyReceived(db: RoomcheckDb, received: Received): Promise<number> {
  const tables = Object.values(EDITABLE_KINDS).map((k) => db.table(k.table));
  let changed = 0;
  await db.transaction('rw', [...tables, db.auditRecords, db.settings], async () => {
    for (const { kind, row } of received.rows) {
      const table = db.table(EDITABLE_KINDS[kind].table);
      const current = (await table.get(row.id)) as Row | undefined;
      if (current && canonicalJson(current) === canonicalJson(row)) continue;
      await table.put(row);
      changed++;
    }
    for (const record of received.records) {
      if (await db.auditRecords.get(record.auditId)) continue;
      await db.auditRecords.add(record);
      changed++;
    }
    if (Object.keys(received.links).length > 0) {
      const links = await siteLinks(db);
      await db.settings.put({ key: LINKS_KEY, value: { ...received.links, ...links } });
    }
  });
  return changed;
}

/** What the manager's overview is built from: every site, room and audit record held here. */
export async function overviewSources(db: RoomcheckDb) {
  return db.transaction('r', [db.sites, db.rooms, db.auditRecords], async () => ({
    sites: await db.sites.orderBy('name').toArray(),
    rooms: await db.rooms.toArray(),
    records: await db.auditRecords.toArray(),
  }));
}
