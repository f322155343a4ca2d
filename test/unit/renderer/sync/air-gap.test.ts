import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAudit, startAudit } from '../../../../renderer/db/repositories/audits.ts';
import { linkSite } from '../../../../renderer/db/repositories/hub-mirror.ts';
import {
  blankDevice,
  createDevice,
  updateDevice,
} from '../../../../renderer/db/repositories/inventory.ts';
import { syncSite } from '../../../../renderer/sync/hub-sync.ts';
import { publish } from '../../../../renderer/sync/mirror.ts';
import { PouchDB } from '../../../../renderer/sync/pouch.ts';
import {
  exportSyncFile,
  loadSyncFile,
  mirrorLeaves,
  type VerifySyncFile,
} from '../../../../renderer/sync/sync-file.ts';
import { SECURE_ROOM_TEMPLATE } from '../../../../shared/checklist/secure-room.ts';
import { canonicalJson } from '../../../../shared/record/canonical.ts';
import { closeAll, siteWithRoom } from '../db/support.ts';
import { PEOPLE, provision } from '../../../hub/hub-client.ts';
import { joinHub, laptop, type Laptop } from '../../../hub/laptop.ts';
import { startTestHub, type TestHub } from '../../../hub/test-hub.ts';

// An air-gapped site: laptop -> signed sync file -> the hub's import station -> hub -> sync
// file -> another laptop. Every leaf revision (conflicts included) and every audit record
// arrives identical; loading twice changes nothing; a changed byte, a re-hashed file or an
// untrusted signer is refused before anything is written.

let hub: TestHub;
let alice: Laptop;
let ivan: Laptop;
let anna: Laptop;
let stranger: Laptop;
const signers: Record<string, string> = {};

async function identity(l: Laptop, name: string): Promise<{ id: string; fingerprint: string }> {
  const made = await l.call('identityCreateSelfIssued', {
    label: name,
    subject: { commonName: name },
    keyAlgorithm: 'ec-p256',
    validDays: 30,
    protection: { kind: 'passphrase', passphrase: `${name} signing passphrase` },
  });
  return { id: made.id, fingerprint: made.certificate!.fingerprintSha256 };
}

const signWith = (l: Laptop, name: string) => async (sha256: string) =>
  (
    await l.call('syncFileSign', {
      identityId: signers[name]!,
      passphrase: `${name} signing passphrase`,
      sha256,
    })
  ).cmsBase64;

const verifyOn =
  (l: Laptop): VerifySyncFile =>
  (sha256, cmsBase64) =>
    l.call('syncFileVerify', { sha256, cmsBase64 });

async function trust(l: Laptop, who: { fingerprint: string }, label: string) {
  await l.call('trustAnchorImport', { kind: 'fingerprint', fingerprint: who.fingerprint, label });
}

const seq = async (l: Laptop) => Number((await l.mirror('a').info()).update_seq);

beforeAll(async () => {
  hub = await startTestHub();
  await provision(hub);
  [alice, ivan, anna, stranger] = await Promise.all([
    laptop('alice', PEOPLE.alice),
    laptop('ivan', PEOPLE.ivan),
    laptop('anna', PEOPLE.anna),
    laptop('stranger', PEOPLE.anna),
  ]);
  const a = await identity(alice, 'Alice');
  const i = await identity(ivan, 'Import station');
  const s = await identity(stranger, 'Stranger');
  signers.Alice = a.id;
  signers['Import station'] = i.id;
  signers.Stranger = s.id;
  await trust(ivan, a, 'Alice');
  await trust(anna, i, 'Import station');
  await joinHub(ivan, hub, PEOPLE.ivan, ['a']);
}, 120_000);

afterAll(async () => {
  await Promise.all([alice, ivan, anna, stranger].map((l) => l?.close()));
  await closeAll();
  await hub?.stop();
});

describe('the air gap', () => {
  let fromAlice: Uint8Array;
  let fromHub: Uint8Array;

  it('laptop -> file -> hub -> file -> another laptop: every revision and record identical', async () => {
    // Alice's site never touches the network: her audit and three edits of a device, plus a
    // conflicting branch of it made on another laptop of hers and carried over earlier.
    const { site, room } = await siteWithRoom(alice.db, { roomName: 'Vault' });
    await linkSite(alice.db, site.id, 'a');
    let device = await createDevice(alice.db, {
      ...blankDevice(site.id, room.id),
      name: 'v1',
      assetTag: 'VAULT-1',
    });
    const audit = await startAudit(alice.db, {
      siteId: site.id,
      roomIds: [room.id],
      templateId: SECURE_ROOM_TEMPLATE.id,
      title: 'Vault Q1',
      inspectors: ['alice'],
    });
    await completeAudit(alice.db, audit.id);
    const mirror = alice.mirror('a');
    for (const name of ['v2', 'v3', 'v4']) {
      device = await updateDevice(alice.db, { ...device, name });
      await publish(alice.db, mirror, 'a', 'alice');
    }
    const stored = await mirror.get(`device:${device.id}`, { revs: true });
    await mirror.bulkDocs(
      [
        {
          ...stored,
          _rev: `2-${'f'.repeat(32)}`,
          _revisions: { start: 2, ids: ['f'.repeat(32), stored._revisions!.ids.at(-1)!] },
          data: { ...(stored.data as object), name: 'branch' },
        },
      ],
      { new_edits: false },
    );

    fromAlice = await exportSyncFile(mirror, 'a', 'alice', signWith(alice, 'Alice'));
    const atStation = await loadSyncFile(ivan.db, (s) => ivan.mirror(s), fromAlice, verifyOn(ivan));
    expect(atStation).toMatchObject({ ok: true, site: 'a', signer: 'Alice' });
    const again = await loadSyncFile(ivan.db, (s) => ivan.mirror(s), fromAlice, verifyOn(ivan));
    expect(again).toMatchObject({ ok: true, newRevisions: 0, changedRows: 0 });

    const pushed = await syncSite({ ...ivan.deps(false), pushes: true }, 'a');
    expect(pushed.denied).toEqual([]);
    fromHub = await exportSyncFile(ivan.mirror('a'), 'a', 'ivan', signWith(ivan, 'Import station'));
    const loaded = await loadSyncFile(anna.db, (s) => anna.mirror(s), fromHub, verifyOn(anna));
    expect(loaded).toMatchObject({ ok: true, signer: 'Import station' });

    const atHub = new PouchDB(`${hub.url}/site-a`, {
      auth: { username: hub.admin.name, password: hub.admin.password },
      skip_setup: true,
    });
    const expected = canonicalJson(await mirrorLeaves(mirror));
    expect(canonicalJson(await mirrorLeaves(atHub))).toBe(expected);
    expect(canonicalJson(await mirrorLeaves(anna.mirror('a')))).toBe(expected);
    const conflicts = (await anna.mirror('a').get(`device:${device.id}`, { conflicts: true }))
      ._conflicts;
    expect(conflicts).toHaveLength(1);

    const record = await anna.db.auditRecords.get(audit.id);
    expect(canonicalJson(record?.snapshot)).toBe(
      canonicalJson((await alice.db.auditRecords.get(audit.id))?.snapshot),
    );
    expect((await anna.db.devices.get(device.id))?.name).toBe('v4');
  });

  it('a file with one changed byte is refused whole: nothing reaches the mirror or the database', async () => {
    const fresh = await laptop('fresh', PEOPLE.anna);
    await trust(fresh, { fingerprint: await signerFingerprint(ivan) }, 'Import station');
    try {
      const text = new TextDecoder().decode(fromHub);
      const at = text.indexOf('"name":"v4"');
      expect(at).toBeGreaterThan(0);
      const tampered = new TextEncoder().encode(
        `${text.slice(0, at)}"name":"v5"${text.slice(at + 11)}`,
      );
      const r = await loadSyncFile(fresh.db, (s) => fresh.mirror(s), tampered, verifyOn(fresh));
      expect(r).toEqual({ ok: false, problem: 'The sync file was changed after it was signed.' });
      expect(await seq(fresh)).toBe(0);
      expect(await fresh.db.devices.count()).toBe(0);
      expect(await fresh.db.auditRecords.count()).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('a re-hashed file, or one signed by someone this laptop does not trust, is refused', async () => {
    const fresh = await laptop('fresh2', PEOPLE.anna);
    await trust(fresh, { fingerprint: await signerFingerprint(ivan) }, 'Import station');
    try {
      // Someone edits a document and recomputes the hash: the signature no longer matches.
      const text = new TextDecoder().decode(fromHub);
      const lines = text.trimEnd().split('\n');
      const trailer = JSON.parse(lines.pop()!);
      const body = `${lines.join('\n').replace('"name":"v4"', '"name":"v5"')}\n`;
      const { createHash } = await import('node:crypto');
      trailer.sha256 = createHash('sha256').update(body).digest('hex');
      const rehashed = new TextEncoder().encode(`${body}${JSON.stringify(trailer)}\n`);
      const r = await loadSyncFile(fresh.db, (s) => fresh.mirror(s), rehashed, verifyOn(fresh));
      expect(r.ok).toBe(false);
      expect(!r.ok && r.problem).toMatch(/signature is not accepted/);

      // A well-formed file signed by an identity this laptop has never trusted.
      const untrusted = await exportSyncFile(
        alice.mirror('a'),
        'a',
        'stranger',
        signWith(stranger, 'Stranger'),
      );
      const u = await loadSyncFile(fresh.db, (s) => fresh.mirror(s), untrusted, verifyOn(fresh));
      expect(u.ok).toBe(false);
      expect(!u.ok && u.problem).toMatch(/not accepted/);
      expect(await seq(fresh)).toBe(0);
      expect(await fresh.db.devices.count()).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});

async function signerFingerprint(l: Laptop): Promise<string> {
  const list = await l.call('identityList', {});
  return list.identities[0]!.certificate!.fingerprintSha256;
}
