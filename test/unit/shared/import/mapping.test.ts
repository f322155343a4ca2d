import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_STATUSES } from '../../../../shared/domain/enums.ts';
import { LABELS } from '../../../../shared/i18n/labels.ts';
import { parseCsv } from '../../../../shared/import/csv.ts';
import { FIELD_INFO, IMPORT_FIELDS } from '../../../../shared/import/fields.ts';
import {
  autoMapping,
  checkColumnMapping,
  columnLetter,
  parseColumnMapping,
  resolveMapping,
  type ColumnMapping,
} from '../../../../shared/import/mapping.ts';
import { formatImportMessage } from '../../../../shared/import/messages.ts';
import { detectProfile } from '../../../../shared/import/profiles.ts';
import {
  DEVICE_TYPE_VOCABULARY,
  STATUS_VOCABULARY,
  TRI_STATE_VOCABULARY,
} from '../../../../shared/import/vocabulary.ts';

const fixture = (name: string) =>
  parseCsv(readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url), 'utf8'));

const fieldsOf = (m: ColumnMapping) =>
  Object.fromEntries(m.columns.map((c) => [c.header, c.field]));

describe('profiles', () => {
  it('recognises a NetBox device export and maps its own meanings', () => {
    const { headers } = fixture('netbox-devices.csv');
    const auto = autoMapping(headers, 'auto');
    expect(auto.detection.profile).toBe('netbox');
    expect(auto.detection.evidence).toEqual(['role', 'device_type', 'site']);
    const fields = fieldsOf(auto.mapping);
    expect(fields).toMatchObject({
      name: 'name',
      role: 'type',
      manufacturer: 'manufacturer',
      device_type: 'model',
      serial: 'serial',
      asset_tag: 'assetTag',
      status: 'status',
      site: 'site',
      location: 'room',
      rack: 'rack',
      position: 'positionU',
      primary_ip4: 'ips',
      primary_ip6: 'ips',
      oob_ip: 'ips',
      description: 'notes',
      comments: 'notes',
      face: null,
      tenant: null,
    });
    expect(auto.unknownHeaders).toEqual([]);
    expect(checkColumnMapping(auto.mapping)).toEqual([]);
  });

  it('recognises a Snipe-IT asset export', () => {
    const { headers } = fixture('snipeit-assets.csv');
    const auto = autoMapping(headers, 'auto');
    expect(auto.detection.profile).toBe('snipeit');
    expect(fieldsOf(auto.mapping)).toMatchObject({
      'Asset Tag': 'assetTag',
      'Asset Name': 'name',
      Serial: 'serial',
      'Asset Model': 'model',
      'Model No.': null,
      Category: 'type',
      Manufacturer: 'manufacturer',
      'Status Label': 'status',
      Location: 'room',
      'Default Location': null,
      'Checked Out To': 'owner',
      'EOL Date': 'endOfSupport',
      Notes: 'notes',
      'MAC Address': 'macs',
      'IP Address': 'ips',
      'Purchase Cost': null,
    });
    expect(auto.unknownHeaders).toEqual([]);
  });

  it('reads Chinese headers with the Roomcheck/generic profile', () => {
    const { headers } = fixture('roomcheck-inventory-zh.csv');
    const auto = autoMapping(headers, 'auto');
    expect(auto.detection.profile).toBe('roomcheck');
    expect(fieldsOf(auto.mapping)).toEqual({
      资产编号: 'assetTag',
      名称: 'name',
      类型: 'type',
      '品牌/厂商': 'manufacturer',
      型号: 'model',
      序列号: 'serial',
      状态: 'status',
      机房: 'room',
      机柜: 'rack',
      U位: 'positionU',
      IP地址: 'ips',
      MAC地址: 'macs',
      负责人: 'owner',
      部门: 'department',
      备注: 'notes',
    });
  });

  it("reads Roomcheck's own column names, for every importable field", () => {
    const headers = IMPORT_FIELDS.map((f) => FIELD_INFO[f].column);
    const auto = autoMapping(headers, 'auto');
    expect(auto.detection.profile).toBe('roomcheck');
    expect(auto.mapping.columns.map((c) => c.field)).toEqual([...IMPORT_FIELDS]);
  });

  it('knows each field by its English and Chinese label too', () => {
    for (const field of IMPORT_FIELDS) {
      const { en, zh } = FIELD_INFO[field].label;
      expect(autoMapping([en], 'roomcheck').mapping.columns[0]!.field).toBe(field);
      expect(autoMapping([zh], 'roomcheck').mapping.columns[0]!.field).toBe(field);
    }
  });

  it('tolerates case, spacing, full-width characters and punctuation in headers', () => {
    const auto = autoMapping(['ASSET-TAG', 'Ｉ Ｐ 地址', 'mac_address', 'Serial No.'], 'roomcheck');
    expect(auto.mapping.columns.map((c) => c.field)).toEqual(['assetTag', 'ips', 'macs', 'serial']);
  });

  it('keeps one column per single-valued field and reports the displaced one', () => {
    const auto = autoMapping(['asset_tag', 'Location', 'room', 'ip', 'IPv6'], 'roomcheck');
    expect(auto.mapping.columns.map((c) => c.field)).toEqual([
      'assetTag',
      'room',
      null,
      'ips',
      'ips',
    ]);
    expect(auto.displaced).toEqual([{ header: 'room', field: 'room', keptHeader: 'Location' }]);
  });

  it('a forced profile overrides detection', () => {
    const auto = autoMapping(['asset_tag', 'device_type', 'role', 'site'], 'roomcheck');
    expect(auto.detection.profile).toBe('roomcheck');
    expect(auto.mapping.columns[1]!.field).toBe('type');
    expect(detectProfile(['asset_tag', 'device_type', 'role', 'site']).profile).toBe('netbox');
  });

  it('treats __proto__ and constructor as unknown headers, not as lookups', () => {
    const auto = autoMapping(['__proto__', 'constructor', 'toString', 'asset_tag'], 'auto');
    expect(auto.mapping.columns.map((c) => c.field)).toEqual([null, null, null, 'assetTag']);
    expect(auto.unknownHeaders).toEqual(['__proto__', 'constructor', 'toString']);
  });
});

describe('vocabularies', () => {
  it('reads every lifecycle status by value and by English and Chinese label', () => {
    for (const status of LIFECYCLE_STATUSES) {
      for (const text of [
        status,
        LABELS.lifecycleStatus[status].en,
        LABELS.lifecycleStatus[status].zh,
      ]) {
        expect(STATUS_VOCABULARY.read(text)).toEqual({ ok: true, value: status });
      }
    }
  });

  it.each([
    // Chinese working vocabulary
    ['在用', 'active'],
    ['闲置', 'idle'],
    ['停用', 'offline'],
    ['待报废', 'decommissioning'],
    ['已报废', 'disposed'],
    ['备件', 'stored_spare'],
    ['故障', 'failed'],
    // NetBox
    ['planned', 'planned'],
    ['staged', 'planned'],
    ['Active', 'active'],
    ['offline', 'offline'],
    ['inventory', 'stored_spare'],
    ['decommissioning', 'decommissioning'],
    ['failed', 'failed'],
    // Snipe-IT default labels
    ['Pending', 'planned'],
    ['Ready to Deploy', 'stored_spare'],
    ['Un-deployable', 'failed'],
    ['Deployed', 'active'],
    ['Archived', 'decommissioning'],
    ['Lost/Stolen', 'missing'],
    ['Broken - Not Fixable', 'failed'],
  ])('status %s -> %s', (text, status) => {
    expect(STATUS_VOCABULARY.read(text)).toEqual({ ok: true, value: status });
  });

  it('refuses an unknown status', () => {
    expect(STATUS_VOCABULARY.read('sort of working')).toEqual({ ok: false, code: 'unknown_value' });
  });

  it.each([
    ['服务器', 'server'],
    ['交换机', 'switch'],
    ['路由器', 'router'],
    ['防火墙', 'firewall'],
    ['摄像机', 'ip_camera'],
    ['网络摄像机', 'ip_camera'],
    ['硬盘录像机', 'nvr_vms'],
    ['海康硬盘录像机 DS-7816', 'nvr_vms'],
    ['打印机', 'printer_mfp'],
    ['核心交换机', 'switch'],
    ['Core Switch', 'switch'],
    ['Access Switches', 'switch'],
    ['Console Server', 'console_kvm'],
    ['Hypervisor', 'virtualization_host'],
    ['Video Recorder', 'nvr_vms'],
    ['IP Cameras', 'ip_camera'],
    ['Laptops', 'workstation'],
    ['Printers', 'printer_mfp'],
    ['Storage', 'storage'],
    ['PDU', 'pdu_ups_sensor'],
    ['UPS', 'pdu_ups_sensor'],
    ['Disk Array', 'storage'],
    ['USB drive', 'loose_media'],
    ['ip_camera', 'ip_camera'],
    ['Wireless AP / controller', 'wireless'],
  ])('device type %s -> %s', (text, type) => {
    expect(DEVICE_TYPE_VOCABULARY.read(text)).toEqual({ ok: true, value: type });
  });

  it('does not find "ap" inside "laptop" and says when a type is ambiguous', () => {
    expect(DEVICE_TYPE_VOCABULARY.read('laptop bag')).toEqual({ ok: true, value: 'workstation' });
    expect(DEVICE_TYPE_VOCABULARY.read('switch/router')).toEqual({
      ok: false,
      code: 'ambiguous_value',
      candidates: ['switch', 'router'],
    });
    expect(DEVICE_TYPE_VOCABULARY.read('Monitors')).toEqual({ ok: false, code: 'unknown_value' });
  });

  it('reads yes/no in English and Chinese', () => {
    for (const t of ['yes', 'Y', 'TRUE', '是', '已修改', '√']) {
      expect(TRI_STATE_VOCABULARY.read(t)).toEqual({ ok: true, value: 'yes' });
    }
    for (const t of ['no', 'N', 'false', '否', '未修改']) {
      expect(TRI_STATE_VOCABULARY.read(t)).toEqual({ ok: true, value: 'no' });
    }
  });
});

describe('column mapping', () => {
  const valid: ColumnMapping = {
    format: 'roomcheck.column-mapping',
    formatVersion: 1,
    name: 'CMDB export',
    profile: 'roomcheck',
    columns: [
      { header: '编号', field: 'assetTag' },
      { header: 'Addr', field: 'ips' },
      { header: 'Addr 2', field: 'ips' },
      { header: 'Cost', field: null },
    ],
    dateOrder: 'dmy',
  };

  it('round-trips through JSON and validates', () => {
    const back = parseColumnMapping(JSON.parse(JSON.stringify(valid)));
    expect(back).toEqual({ ok: true, mapping: valid });
  });

  it('refuses a wrong shape with the path and a bilingual detail', () => {
    const r = parseColumnMapping({ ...valid, columns: [{ header: 'x', field: 'password' }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatImportMessage(r.problems[0]!, 'en')).toMatch(
      /^The column mapping is invalid at \$\.columns\[0\]\.field: /,
    );
    expect(formatImportMessage(r.problems[0]!, 'zh')).toMatch(
      /^列映射在 \$\.columns\[0\]\.field 处无效/,
    );
    expect(parseColumnMapping({ ...valid, extra: 1 }).ok).toBe(false);
    expect(parseColumnMapping({ ...valid, formatVersion: 2 }).ok).toBe(false);
    expect(parseColumnMapping(null).ok).toBe(false);
  });

  it('refuses a single-valued field fed by two columns, a repeated header, no identity', () => {
    const twice = parseColumnMapping({
      ...valid,
      columns: [
        ...valid.columns,
        { header: 'Tag', field: 'assetTag' },
        { header: 'ADDR', field: null },
      ],
    });
    expect(twice.ok).toBe(false);
    if (!twice.ok) {
      expect(twice.problems.map((p) => formatImportMessage(p, 'en'))).toEqual([
        'The column "ADDR" is listed twice in the mapping.',
        'The field "asset tag" is mapped from more than one column ("编号", "Tag"); it takes only one.',
      ]);
    }
    const none = parseColumnMapping({ ...valid, columns: [{ header: 'Addr', field: 'ips' }] });
    expect(none.ok === false && none.problems[0]!.code).toBe('mapping_no_identity');
  });

  it('resolves by header text, whatever the column order, and names unmapped columns', () => {
    const r = resolveMapping(['Cost', '', 'addr', '编号', 'Other'], valid);
    expect(r.byColumn).toEqual([null, null, 'ips', 'assetTag', null]);
    expect(r.columnsOf.get('ips')).toEqual([2]);
    expect(r.columnNames).toEqual(['Cost', 'column B', 'addr', '编号', 'Other']);
    expect(r.unmappedColumns).toEqual(['Cost', 'column B', 'Other']);
    expect(r.missingHeaders).toEqual(['Addr 2']);
  });

  it('names columns by letter as spreadsheets do', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });

  it('fuzz: any header list gives a mapping that validates or fails only for lack of identity', () => {
    const header = fc.oneof(
      fc.string({ maxLength: 15 }),
      fc.constantFrom(
        'asset_tag',
        '资产编号',
        'IP地址',
        'ip',
        'room',
        'Location',
        '__proto__',
        'serial',
        'Serial',
      ),
      fc.string({ minLength: 490, maxLength: 520 }),
    );
    fc.assert(
      fc.property(
        fc.array(header, { maxLength: 30 }),
        fc.constantFrom('auto', 'netbox', 'snipeit', 'roomcheck' as const),
        (headers, profile) => {
          const auto = autoMapping(headers, profile);
          const problems = checkColumnMapping(auto.mapping).map((p) => p.code);
          expect(problems.filter((c) => c !== 'mapping_no_identity')).toEqual([]);
          const back = parseColumnMapping(JSON.parse(JSON.stringify(auto.mapping)));
          if (problems.length === 0) expect(back).toEqual({ ok: true, mapping: auto.mapping });
          const resolved = resolveMapping(headers, auto.mapping);
          expect(resolved.byColumn).toHaveLength(headers.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
