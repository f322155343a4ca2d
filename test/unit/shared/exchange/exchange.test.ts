import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDemoAudit } from '../../../../shared/demo/demo-audit.ts';
import {
  AUDIT_BUNDLE_FORMAT,
  parseAuditBundle,
  serializeAuditBundle,
} from '../../../../shared/exchange/audit-bundle.ts';
import {
  parseBackup,
  serializeBackup,
  type AuditRecord,
  type Backup,
} from '../../../../shared/exchange/backup.ts';
import {
  base64ToBytes,
  bytesToBase64 as encodeBase64,
  decodeBase64,
} from '../../../../shared/encoding/base64.ts';
import { parseStrictJson, scanJson } from '../../../../shared/exchange/json-scan.ts';
import { ImportError } from '../../../../shared/import/messages.ts';
import type { AuditSnapshot } from '../../../../shared/snapshot/schema.ts';
import { CURRENT_VERSIONS } from '../../../../shared/migrations/records.ts';
import { recordId } from '../../../../shared/record/record-id.ts';
import * as arb from '../import/arbitraries.ts';

async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return err as ImportError;
  }
  throw new Error('expected the file to be refused');
}

function syncRefusal(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return err as ImportError;
  }
  throw new Error('expected the text to be refused');
}

describe('strict JSON', () => {
  it('accepts exactly what JSON.parse accepts, when there are no duplicate keys', () => {
    const jsonish = fc.oneof(
      fc.tuple(fc.jsonValue(), fc.nat(2)).map(([v, indent]) => JSON.stringify(v, null, indent)),
      fc
        .array(
          fc.constantFrom(
            '{',
            '}',
            '[',
            ']',
            '"',
            ':',
            ',',
            '1',
            '-',
            '.',
            'e',
            'true',
            'nul',
            ' ',
            '\\',
            '"a"',
            '\\u00',
            '\n',
          ),
          { maxLength: 20 },
        )
        .map((a) => a.join('')),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        let native: unknown;
        let nativeOk = true;
        try {
          native = JSON.parse(text);
        } catch {
          nativeOk = false;
        }
        let ours: unknown;
        let error: unknown = null;
        try {
          ours = parseStrictJson(text);
        } catch (err) {
          error = err;
        }
        if (error === null) {
          expect(nativeOk).toBe(true);
          expect(ours).toEqual(native);
        } else {
          expect(error).toBeInstanceOf(ImportError);
          const code = (error as ImportError).detail.code;
          // We refuse more than JSON.parse only for duplicate keys and excessive depth.
          if (nativeOk) expect(['json_duplicate_key', 'json_too_deep']).toContain(code);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses duplicate keys, also when escapes make them look different', () => {
    const e = syncRefusal(() =>
      scanJson('{"a": {"list": [1, {"status": "open",\n "status": "closed"}]}}'),
    );
    expect(e.message).toBe(
      'The key "status" appears twice in $.a.list[1] (line 2, column 2); the file is ambiguous.',
    );
    expect(syncRefusal(() => scanJson('{"id": 1, "\\u0069d": 2}')).detail.code).toBe(
      'json_duplicate_key',
    );
    expect(() => scanJson('{"a": {"x": 1}, "b": {"x": 1}}')).not.toThrow();
  });

  it('tells a truncated file from a malformed one, with line and column', () => {
    const doc = JSON.stringify({ a: [1, 2, { b: 'text', c: null }], d: true }, null, 2);
    // Every cut, even inside a string, a number or `null`, reads as truncated, not malformed.
    for (let cut = 1; cut < doc.length; cut++) {
      expect(syncRefusal(() => scanJson(doc.slice(0, cut))).detail.code).toBe('json_truncated');
    }
    expect(syncRefusal(() => scanJson('{\n  "a": 1,\n  "b": x\n}')).message).toBe(
      'The JSON is malformed at line 3, column 8.',
    );
    expect(syncRefusal(() => scanJson('{"a": 1} {"b": 2}')).message).toBe(
      'Unexpected content after the end of the JSON at line 1, column 10.',
    );
  });

  it('refuses nesting deeper than the limit without exhausting the stack', () => {
    expect(syncRefusal(() => scanJson('['.repeat(100_000))).message).toBe(
      'The JSON nests deeper than 64 levels.',
    );
    expect(() => scanJson(`${'['.repeat(64)}${']'.repeat(64)}`)).not.toThrow();
  });

  it('keeps __proto__ a plain key and pollutes nothing', () => {
    const value = parseStrictJson(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}',
    ) as Record<string, unknown>;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('base64', () => {
  it('matches Node for any bytes, and decodes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(text)).toEqual(bytes);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses anything that is not canonical padded base64', () => {
    for (const bad of [
      'a',
      'abc',
      'ab=c',
      'ab c',
      'ab\nc',
      '====',
      'ab==cd==',
      'YR==',
      'YWJ=',
      'é===',
    ]) {
      expect(decodeBase64(bad)).toBeNull();
      expect(() => base64ToBytes(bad)).toThrow(/damaged/);
    }
    expect(decodeBase64('')).toEqual(new Uint8Array());
    // Multi-megabyte photos encode in bounded pieces and come back intact.
    const photo = new Uint8Array(3_000_001).map((_, i) => (i * 7919) & 255);
    expect(Buffer.from(base64ToBytes(encodeBase64(photo))).equals(Buffer.from(photo))).toBe(true);
  });
});

const PHOTO = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9]);

function demoSnapshot(): AuditSnapshot {
  return makeDemoAudit({
    seed: 7,
    now: new Date('2024-06-01T08:00:00Z'),
    photos: [
      {
        fileName: 'idle-server.jpg',
        mimeType: 'image/jpeg',
        bytes: PHOTO,
        sha256: arb.sha256Hex(PHOTO),
      },
    ],
  });
}

describe('audit export bundle', () => {
  const deps = { sha256: arb.sha256 };

  it('round-trips a realistic audit with its photo bytes', async () => {
    const snapshot = demoSnapshot();
    expect(snapshot.evidence).toHaveLength(1);
    const text = serializeAuditBundle(snapshot);
    const back = await parseAuditBundle(text, deps);
    expect(back.snapshot).toEqual(snapshot);
    expect(back.evidenceBytes.get(snapshot.evidence[0]!.id)).toEqual(PHOTO);
    // A BOM (Notepad adds one) is not a reason to refuse.
    expect((await parseAuditBundle(`\uFEFF${text}`, deps)).snapshot).toEqual(snapshot);
  });

  it('refuses the wrong format, the wrong version and a newer snapshot, by name', async () => {
    const snapshot = demoSnapshot();
    const bundle = JSON.parse(serializeAuditBundle(snapshot)) as Record<string, unknown>;
    const with_ = (patch: Record<string, unknown>) => JSON.stringify({ ...bundle, ...patch });
    expect(
      (await refusal(parseAuditBundle(with_({ format: 'roomcheck.backup' }), deps))).message,
    ).toBe('This is not a Roomcheck audit export file (its format is "roomcheck.backup").');
    expect((await refusal(parseAuditBundle(with_({ formatVersion: 3 }), deps))).message).toBe(
      'This Roomcheck audit export file has format version 3; this version of Roomcheck reads version 2.',
    );
    expect(
      (
        await refusal(
          parseAuditBundle(with_({ snapshot: { ...snapshot, formatVersion: 4 } }), deps),
        )
      ).detail.code,
    ).toBe('wrong_version');
    expect((await refusal(parseAuditBundle('[1,2]', deps))).detail.code).toBe('wrong_format');
  });

  it('refuses a truncated export wherever it is cut', async () => {
    const text = serializeAuditBundle(demoSnapshot());
    for (const fraction of [0.001, 0.1, 0.5, 0.9, 0.999]) {
      const e = await refusal(
        parseAuditBundle(text.slice(0, Math.floor(text.length * fraction)), deps),
      );
      expect(e.message).toBe('The file ends before its JSON is complete: it is truncated.');
    }
  });

  it('refuses a duplicated key that JSON.parse would silently resolve', async () => {
    const text = serializeAuditBundle(demoSnapshot()).replace(
      '"status": "completed"',
      '"status": "completed", "status": "draft"',
    );
    expect(text).toContain('"status": "draft"');
    const e = await refusal(parseAuditBundle(text, deps));
    expect(e.message).toMatch(
      /^The key "status" appears twice in \$\.snapshot\.audit \(line \d+, column \d+\)/,
    );
  });

  it('refuses evidence whose bytes were altered, cut, dropped or garbled', async () => {
    const snapshot = demoSnapshot();
    const ev = snapshot.evidence[0]!;
    const variant = (patch: Partial<typeof ev>) =>
      serializeAuditBundle({ ...snapshot, evidence: [{ ...ev, ...patch }] });
    const altered = PHOTO.slice();
    altered[5] = 99;
    expect(
      (await refusal(parseAuditBundle(variant({ dataBase64: encodeBase64(altered) }), deps)))
        .message,
    ).toBe(
      `The SHA-256 of evidence "${ev.id}" does not match its bytes: the file was altered or damaged.`,
    );
    expect(
      (
        await refusal(
          parseAuditBundle(variant({ dataBase64: encodeBase64(PHOTO.subarray(0, 6)) }), deps),
        )
      ).message,
    ).toBe(`Evidence "${ev.id}" should be 11 bytes but holds 6.`);
    expect((await refusal(parseAuditBundle(variant({ dataBase64: null }), deps))).detail.code).toBe(
      'evidence_missing_bytes',
    );
    expect(
      (await refusal(parseAuditBundle(variant({ dataBase64: '!!!!' }), deps))).detail.code,
    ).toBe('evidence_bad_base64');
  });

  it('refuses a schema violation with its path, and repeated ids', async () => {
    const snapshot = demoSnapshot();
    const bad = {
      ...snapshot,
      devices: [{ ...snapshot.devices[0]!, status: 'vaporised' }],
    } as unknown as AuditSnapshot;
    const e = await refusal(parseAuditBundle(serializeAuditBundle(bad), deps));
    expect(e.message).toMatch(/^The content is invalid at \$\.snapshot\.devices\[0\]\.status: /);
    const twice = { ...snapshot, devices: [snapshot.devices[0]!, snapshot.devices[0]!] };
    expect((await refusal(parseAuditBundle(serializeAuditBundle(twice), deps))).message).toBe(
      `The id "${snapshot.devices[0]!.id}" appears twice in devices.`,
    );
  });

  it('names its format in the file', () => {
    expect(JSON.parse(serializeAuditBundle(demoSnapshot()))).toMatchObject({
      format: AUDIT_BUNDLE_FORMAT,
      formatVersion: 2,
    });
  });
});

let frozen: AuditRecord | undefined;
function frozenRecord(): AuditRecord {
  const s = makeDemoAudit({ seed: 11, now: new Date('2024-01-01T00:00:00Z') });
  frozen ??= {
    auditId: s.audit.id,
    siteId: s.site.id,
    roomIds: s.audit.roomIds,
    completedAt: '2024-01-02T00:00:00.000Z',
    source: 'completed',
    snapshot: s,
    recordId: recordId(s),
  };
  return frozen;
}

describe('whole-database backup', () => {
  const deps = { sha256: arb.sha256 };
  const tables = fc.record({
    settings: fc.uniqueArray(arb.setting, { maxLength: 3, selector: (s) => s.key }),
    templates: arb.table(arb.template, 2),
    sites: arb.table(arb.site()),
    rooms: arb.table(arb.room('site-1')),
    racks: arb.table(arb.rack('room-1')),
    devices: arb.inventory.map((inv) => inv.devices),
    audits: arb.table(arb.audit, 2),
    answers: arb.table(arb.answer),
    findings: arb.table(arb.finding),
    reconciliations: arb.table(arb.reconciliation),
    evidence: arb.table(arb.evidence),
    // Frozen audit records hold a whole snapshot: one realistic one, shared by every run.
    auditRecords: fc.constantFrom<AuditRecord[]>([], [frozenRecord()]),
    importLog: arb.table(arb.importLogEntry),
    auditScopes: fc.uniqueArray(arb.auditScope(), { maxLength: 2, selector: (s) => s.auditId }),
    findingEvents: arb.table(arb.findingEvent),
  });

  it('round-trips any valid database: export, parse, deep-equal', async () => {
    await fc.assert(
      fc.asyncProperty(tables, arb.timestamp, async (t, createdAt) => {
        const backup = {
          createdAt,
          app: { name: 'Roomcheck' as const, version: '0.1.0' },
          databaseVersion: 3,
          tables: t,
        };
        const back = await parseBackup(serializeBackup(backup), deps);
        expect(back).toEqual({
          format: 'roomcheck.backup',
          formatVersion: 3,
          records: CURRENT_VERSIONS,
          ...backup,
        });
      }),
      { numRuns: 15 },
    );
  });

  it('refuses an unknown table, a repeated id, a wrong version and damaged photos', async () => {
    const [t] = fc.sample(
      tables.filter((x) => x.evidence.length > 0 && x.devices.length > 0),
      { numRuns: 1, seed: 1 },
    );
    const base: Omit<Backup, 'format' | 'formatVersion' | 'records'> = {
      createdAt: '2024-06-01T08:00:00.000Z',
      app: { name: 'Roomcheck', version: '0.1.0' },
      databaseVersion: 3,
      tables: t!,
    };
    const doc = JSON.parse(serializeBackup(base)) as Backup;
    const e1 = await refusal(
      parseBackup(JSON.stringify({ ...doc, tables: { ...doc.tables, secrets: [] } }), deps),
    );
    expect(e1.message).toMatch(/^The content is invalid at \$\.tables: .*secrets/);
    const e2 = await refusal(
      parseBackup(
        JSON.stringify({
          ...doc,
          tables: { ...doc.tables, devices: [...doc.tables.devices, doc.tables.devices[0]] },
        }),
        deps,
      ),
    );
    expect(e2.detail.code).toBe('duplicate_id');
    const e3 = await refusal(parseBackup(JSON.stringify({ ...doc, formatVersion: 4 }), deps));
    expect(e3.message).toBe(
      'This Roomcheck backup file has format version 4; this version of Roomcheck reads version 3.',
    );
    const ev = doc.tables.evidence[0]!;
    const e4 = await refusal(
      parseBackup(
        JSON.stringify({
          ...doc,
          tables: { ...doc.tables, evidence: [{ ...ev, sha256: '0'.repeat(64) }] },
        }),
        deps,
      ),
    );
    expect(e4.detail.code).toBe('evidence_hash_mismatch');
    // A frozen record altered by hand no longer gives its id: the whole file is refused.
    const record = frozenRecord();
    const altered = {
      ...record,
      snapshot: { ...record.snapshot, audit: { ...record.snapshot.audit, title: 'Edited' } },
    };
    const e6 = await refusal(
      parseBackup(
        JSON.stringify({ ...doc, tables: { ...doc.tables, auditRecords: [altered] } }),
        deps,
      ),
    );
    expect(e6.message).toBe(
      `The record of audit "${record.auditId}" does not match its record id: the file was altered or damaged.`,
    );
    const e5 = await refusal(parseBackup(serializeAuditBundle(demoSnapshot()), deps));
    expect(e5.message).toBe(
      'This is not a Roomcheck backup file (its format is "roomcheck.audit-bundle").',
    );
  });
});
