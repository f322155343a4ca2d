import type { RoomcheckDb } from '../../../../renderer/db/db.ts';
import { readAllTables, TABLE_NAMES } from '../../../../renderer/db/repositories/database-dump.ts';
import { bytesToBase64 } from '../../../../shared/encoding/base64.ts';
import { canonicalJson } from '../../../../shared/record/canonical.ts';

// The fresh-database helpers live with the other repository tests' set-up.
export { closeAll, freshDb } from './support.ts';

/**
 * Every row of every table with Blobs turned into their bytes (base64): two Blob objects
 * compare equal in toEqual whatever they hold, so a dump must expose the bytes to be compared.
 */
export async function comparableDump(db: RoomcheckDb): Promise<Record<string, unknown[]>> {
  const tables = await readAllTables(db);
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) {
    out[name] = await Promise.all(
      (tables[name] as unknown[]).map(async (row) => {
        const r = row as Record<string, unknown>;
        const copy: Record<string, unknown> = { ...r };
        for (const [k, v] of Object.entries(r)) {
          if (v instanceof Blob)
            copy[k] = { blob: bytesToBase64(new Uint8Array(await v.arrayBuffer())), type: v.type };
        }
        return copy;
      }),
    );
    // By canonical JSON: the order of a row's keys (a schema's, or an arbitrary's) is no content.
    out[name]!.sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1));
  }
  return out;
}
