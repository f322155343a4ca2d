import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDemoAudit } from '../../../../shared/demo/demo-audit.ts';
import {
  parseAuditBundle,
  serializeAuditBundle,
} from '../../../../shared/exchange/audit-bundle.ts';
import { MAX_IMPORT_BYTES, parseImportFile } from '../../../../shared/import/detect.ts';
import { ImportError } from '../../../../shared/import/messages.ts';
import { sha256 } from './arbitraries.ts';

// Files built to hurt: at the size limit, mutated exports, prototype keys. Each must end in a
// result or an ImportError with a sentence, never another exception.

const snapshot = makeDemoAudit({ seed: 5, now: new Date('2024-06-01T00:00:00Z'), deviceCount: 40 });
const bundle = serializeAuditBundle(snapshot);

async function outcome(p: Promise<unknown>): Promise<'ok' | ImportError> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toMatch(/^\S.*[.)]$/s);
    return err as ImportError;
  }
}

describe('hostile input', () => {
  it('reads a CSV of exactly 50 MB (one enormous cell) and rejects the row, not the process', async () => {
    const head = 'asset_tag,notes\r\nA-1,"';
    const tail = '"\r\n';
    const bytes = new Uint8Array(MAX_IMPORT_BYTES);
    bytes.fill(0x78);
    bytes.set(new TextEncoder().encode(head), 0);
    bytes.set(new TextEncoder().encode(tail), bytes.length - tail.length);
    const file = await parseImportFile('big.csv', bytes, { sha256 });
    expect(file.format).toBe('csv');
    if (file.format !== 'csv') return;
    expect(file.validation.records).toEqual([]);
    expect(file.validation.rejected.map((r) => [r.row, r.column, r.message.code])).toEqual([
      [2, 'notes', 'cell_too_long'],
    ]);
  });

  it('an audit export mutated anywhere is either still valid or refused with a sentence', async () => {
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('flip' as const),
        at: fc.nat(bundle.length - 1),
        ch: fc.constantFrom('"', '{', '}', ',', ':', '0', 'x', ' ', '\\'),
      }),
      fc.record({
        kind: fc.constant('cut' as const),
        at: fc.nat(bundle.length - 1),
        len: fc.integer({ min: 1, max: 200 }),
      }),
      fc.record({
        kind: fc.constant('dup' as const),
        at: fc.nat(bundle.length - 1),
        len: fc.integer({ min: 1, max: 200 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const text =
          m.kind === 'flip'
            ? bundle.slice(0, m.at) + m.ch + bundle.slice(m.at + 1)
            : m.kind === 'cut'
              ? bundle.slice(0, m.at) + bundle.slice(m.at + m.len)
              : bundle.slice(0, m.at) + bundle.slice(m.at, m.at + m.len) + bundle.slice(m.at);
        const r = await outcome(parseAuditBundle(text, { sha256 }));
        if (r === 'ok') {
          // Whatever survived still satisfies every check; its evidence still hashes right.
          const again = await parseAuditBundle(text, { sha256 });
          expect(again.snapshot.format).toBe('roomcheck.audit-snapshot');
        }
      }),
      { numRuns: 30 },
    );
  });

  it('__proto__ and constructor keys in an export neither pollute nor smuggle data in', async () => {
    const evil = bundle.replace(
      '"snapshot": {',
      '"snapshot": {"__proto__": {"polluted": true, "isAdmin": true}, "constructor": {"prototype": {"polluted": true}},',
    );
    expect(evil).not.toBe(bundle);
    const { snapshot: back } = await parseAuditBundle(evil, { sha256 });
    expect(back).toEqual(snapshot);
    expect(Object.hasOwn(back, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('mixed date formats in one column: each ambiguous or contradicting date is named', async () => {
    const csv = [
      'asset_tag,firmware_date',
      'A-1,2024-03-05',
      'A-2,2024/3/5',
      'A-3,05.03.2024',
      'A-4,2024年3月5日',
      'A-5,45356',
      'A-6,03/05/2024',
      'A-7,13/05/2024',
      'A-8,05/13/2024',
      'A-9,5/3/24',
    ].join('\n');
    const file = await parseImportFile('dates.csv', new TextEncoder().encode(csv), { sha256 });
    if (file.format !== 'csv') throw new Error('expected CSV');
    expect(file.validation.records.map((r) => [r.row, r.values.firmwareDate])).toEqual([
      [2, '2024-03-05'],
      [3, '2024-03-05'],
      [4, '2024-03-05'],
      [5, '2024-03-05'],
      [6, '2024-03-05'],
    ]);
    expect(file.validation.rejected.map((r) => [r.row, r.message.code])).toEqual([
      [7, 'ambiguous_date'],
      [8, 'mixed_date_order'],
      [9, 'mixed_date_order'],
      [10, 'two_digit_year'],
    ]);
  });
});
