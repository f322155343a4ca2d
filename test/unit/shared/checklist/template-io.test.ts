import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECURE_ROOM_TEMPLATE } from '../../../../shared/checklist/secure-room.ts';
import {
  addItem,
  duplicateTemplate,
  editItem,
  exportTemplate,
  importTemplate,
  moveItem,
  nextVersion,
  removeItem,
  setApplicability,
  setSeverity,
  validateTemplate,
  type TemplateResult,
} from '../../../../shared/checklist/template-io.ts';
import type { CheckItem, Template } from '../../../../shared/domain/schemas.ts';

const NOW = '2026-03-15T08:00:00.000Z';
const LATER = '2026-03-16T08:00:00.000Z';

function ok(result: TemplateResult): Template {
  if (!result.ok) throw new Error(`expected success, got: ${result.error.en}`);
  return result.template;
}
function err(result: TemplateResult): { en: string; zh: string } {
  if (result.ok) throw new Error('expected a refusal');
  expect(result.error.zh).toMatch(/\p{Script=Han}/u);
  return result.error;
}
const copy = () => ok(duplicateTemplate(SECURE_ROOM_TEMPLATE, { id: 'tpl-1', now: NOW }));
const ids = (t: Template) => t.items.map((i) => i.id);
const newItem: CheckItem = {
  id: 'X1',
  text: { en: ' Fire extinguisher inspected ', zh: '灭火器已检查' },
  severity: 'low',
  basis: 'local policy',
  scope: 'room',
  appliesTo: [],
};

describe('duplicateTemplate', () => {
  it('makes an editable copy that remembers its origin, without touching the original', () => {
    const before = JSON.stringify(SECURE_ROOM_TEMPLATE);
    const t = copy();
    expect(t).toMatchObject({
      id: 'tpl-1',
      name: 'Secure room (copy)',
      version: 1,
      builtIn: false,
      basedOn: { templateId: 'builtin-secure-room', version: 1 },
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(t.items).toEqual(SECURE_ROOM_TEMPLATE.items);
    expect(t.items[0]).not.toBe(SECURE_ROOM_TEMPLATE.items[0]);
    expect(Object.isFrozen(t.items)).toBe(false);
    expect(JSON.stringify(SECURE_ROOM_TEMPLATE)).toBe(before);
  });
  it('refuses to reuse the source or a built-in id', () => {
    err(duplicateTemplate(SECURE_ROOM_TEMPLATE, { id: 'builtin-secure-room', now: NOW }));
    const t = copy();
    err(duplicateTemplate(t, { id: 'tpl-1', now: NOW }));
    expect(ok(duplicateTemplate(t, { id: 'tpl-2', now: NOW, name: 'Mine' })).basedOn).toEqual({
      templateId: 'tpl-1',
      version: 1,
    });
  });
});

describe('edit operations', () => {
  it('refuse to change the built-in template', () => {
    expect(err(setSeverity(SECURE_ROOM_TEMPLATE, 'P1', 'high', NOW)).en).toContain('read-only');
    err(addItem(SECURE_ROOM_TEMPLATE, newItem, NOW));
    err(removeItem(SECURE_ROOM_TEMPLATE, 'P1', NOW));
    err(nextVersion(SECURE_ROOM_TEMPLATE, NOW));
  });

  it('add an item (trimmed) at the end or at a position, keeping ids unique', () => {
    const t = copy();
    const added = ok(addItem(t, newItem, LATER));
    expect(ids(added).at(-1)).toBe('X1');
    expect(added.items.at(-1)?.text.en).toBe('Fire extinguisher inspected');
    expect(added.updatedAt).toBe(LATER);
    expect(ids(ok(addItem(t, newItem, LATER, 0)))[0]).toBe('X1');
    expect(err(addItem(t, { ...newItem, id: 'D1' }, LATER)).en).toContain('"D1"');
    expect(err(addItem(t, { ...newItem, id: 'd1' }, LATER)).en).toContain('unique');
    err(addItem(t, { ...newItem, id: '1bad' }, LATER));
    err(addItem(t, { ...newItem, text: { en: 'x', zh: '  ' } }, LATER));
    err(addItem(t, newItem, LATER, 99));
    expect(ids(t)).toEqual(ids(SECURE_ROOM_TEMPLATE)); // input untouched
  });

  it('edit text, severity and applicability; room items carry no device types', () => {
    const t = copy();
    const edited = ok(editItem(t, 'V2', { text: { zh: '摄像机不得拍到涉密屏幕' } }, LATER));
    const v2 = edited.items.find((i) => i.id === 'V2')!;
    expect(v2.text).toEqual({
      en: SECURE_ROOM_TEMPLATE.items.find((i) => i.id === 'V2')!.text.en,
      zh: '摄像机不得拍到涉密屏幕',
    });
    expect(ok(setSeverity(t, 'P5', 'high', LATER)).items.find((i) => i.id === 'P5')?.severity).toBe(
      'high',
    );
    const scoped = ok(
      setApplicability(t, 'V2', 'device', ['ip_camera', 'ip_camera', 'nvr_vms'], LATER),
    );
    expect(scoped.items.find((i) => i.id === 'V2')?.appliesTo).toEqual(['ip_camera', 'nvr_vms']);
    const toRoom = ok(editItem(t, 'V2', { scope: 'room' }, LATER));
    expect(toRoom.items.find((i) => i.id === 'V2')?.appliesTo).toEqual([]);
    err(setApplicability(t, 'V2', 'room', ['ip_camera'], LATER));
    err(editItem(t, 'NOPE', { severity: 'low' }, LATER));
    err(editItem(t, 'V2', { id: 'V1' }, LATER));
    expect(ids(ok(editItem(t, 'V2', { id: 'V9' }, LATER)))).toContain('V9');
    err(editItem(t, 'V2', { severity: 'critical' as never }, LATER));
  });

  it('move items to any position and remove them, never below one item', () => {
    const t = copy();
    const moved = ok(moveItem(t, 'L2', 0, LATER));
    expect(ids(moved)[0]).toBe('L2');
    expect(ids(moved).slice(1)).toEqual(ids(t).filter((id) => id !== 'L2'));
    expect(ids(ok(moveItem(t, 'P1', t.items.length - 1, LATER))).at(-1)).toBe('P1');
    err(moveItem(t, 'P1', t.items.length, LATER));
    err(moveItem(t, 'P1', -1, LATER));
    err(moveItem(t, 'ZZ', 0, LATER));
    const removed = ok(removeItem(t, 'C3', LATER));
    expect(ids(removed)).not.toContain('C3');
    expect(removed.items).toHaveLength(t.items.length - 1);
    let small = t;
    for (const id of ids(t).slice(1)) small = ok(removeItem(small, id, LATER));
    expect(err(removeItem(small, 'P1', LATER)).en).toBe('A template needs at least one item.');
  });

  it('moving is a permutation that puts the item where asked (property)', () => {
    const t = copy();
    fc.assert(
      fc.property(fc.nat(t.items.length - 1), fc.nat(t.items.length - 1), (from, to) => {
        const id = t.items[from]!.id;
        const moved = ok(moveItem(t, id, to, LATER));
        expect(ids(moved)[to]).toBe(id);
        expect([...ids(moved)].sort()).toEqual([...ids(t)].sort());
      }),
      { numRuns: 100 },
    );
  });

  it('nextVersion bumps the version of a user template', () => {
    expect(ok(nextVersion(copy(), LATER))).toMatchObject({ version: 2, updatedAt: LATER });
  });
});

describe('export and import', () => {
  it('round-trips a template exactly', () => {
    const t = ok(setSeverity(copy(), 'P5', 'medium', LATER));
    const text = exportTemplate(t);
    expect(JSON.parse(text)).toMatchObject({ format: 'roomcheck.template', formatVersion: 1 });
    expect(ok(importTemplate(text))).toEqual(t);
    expect(ok(importTemplate(`\uFEFF${text}`))).toEqual(t);
  });

  const wrap = (template: unknown, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ format: 'roomcheck.template', formatVersion: 1, template, ...extra });

  it('refuses other formats and versions with a message naming them', () => {
    expect(err(importTemplate('')).en).toBe('The file is empty.');
    expect(err(importTemplate('{"format": ')).en).toContain('not valid JSON');
    expect(err(importTemplate('[1,2]')).en).toBe('The file is not a Roomcheck template.');
    expect(err(importTemplate('"text"')).en).toBe('The file is not a Roomcheck template.');
    expect(err(importTemplate('{"format":"roomcheck.audit-snapshot","formatVersion":1}')).en).toBe(
      'The file is not a Roomcheck template (its format is "roomcheck.audit-snapshot").',
    );
    expect(err(importTemplate('{"formatVersion":1}')).en).toContain('format is missing');
    expect(err(importTemplate(wrap(copy(), { formatVersion: 2 }))).en).toContain(
      'newer Roomcheck (format version 2)',
    );
    expect(err(importTemplate(wrap(copy(), { formatVersion: '1' }))).en).toContain('version "1"');
    expect(err(importTemplate(wrap(null))).en).toBe('The file holds no template.');
  });

  it('refuses duplicate ids, wrong types and built-in templates', () => {
    const t = copy();
    const dup = { ...t, items: [...t.items, { ...t.items[0]! }] };
    expect(err(importTemplate(wrap(dup))).en).toContain('"P1" is used more than once');
    expect(err(importTemplate(wrap({ ...t, version: '1' }))).en).toMatch(
      /^The template is not valid: version: /,
    );
    expect(err(importTemplate(wrap({ ...t, items: 'P1' }))).en).toContain('items');
    const badType = { ...t, items: [{ ...t.items[6]!, appliesTo: ['toaster'] }] };
    expect(err(importTemplate(wrap(badType))).en).toContain('items.0.appliesTo.0');
    const roomWithTypes = { ...t, items: [{ ...t.items[0]!, appliesTo: ['server'] }] };
    expect(err(importTemplate(wrap(roomWithTypes))).en).toContain('cannot also list device types');
    expect(err(importTemplate(wrap({ ...t, items: [] }))).en).toContain('items');
    expect(err(importTemplate(exportTemplate(SECURE_ROOM_TEMPLATE))).en).toContain(
      'Built-in templates',
    );
  });

  it('refuses prototype-pollution keys anywhere, and pollutes nothing', () => {
    const t = copy();
    const text = exportTemplate(t);
    const attacks = [
      text.replace('"format"', '"__proto__": {"polluted": true}, "format"'),
      text.replace('"items": [', '"items": [{"__proto__": {"polluted": true}}, '),
      text.replace('"name"', '"constructor": {"prototype": {"polluted": true}}, "name"'),
      text.replace('"basis"', '"prototype": 1, "basis"'),
    ];
    for (const attack of attacks) {
      expect(() => JSON.parse(attack)).not.toThrow();
      expect(err(importTemplate(attack)).en).toMatch(
        /contains the key "(__proto__|constructor|prototype)"/,
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses huge inputs at their limits, before building anything', () => {
    const t = copy();
    // Small elements, so the item limit (not the size limit) is what refuses it.
    const manyItems = { ...t, items: Array.from({ length: 20_000 }, () => 0) };
    expect(err(importTemplate(wrap(manyItems))).en).toBe(
      'The template has 20000 items; at most 500 are allowed.',
    );
    const bigItems = {
      ...t,
      items: Array.from({ length: 10_000 }, (_, i) => ({ ...t.items[0]!, id: `X${i}` })),
    };
    expect(err(importTemplate(wrap(bigItems))).en).toContain('too large');
    expect(err(importTemplate(' '.repeat(2_000_001))).en).toContain('too large');
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(err(importTemplate(deep)).en).toMatch(/not (valid JSON|a Roomcheck template)/);
  });

  it('never throws on arbitrary text or JSON values (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => wrap(v)),
        ),
        (text) => {
          const result = importTemplate(text);
          if (!result.ok) expect(result.error.en.length).toBeGreaterThan(5);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('validateTemplate rejects an export of nonsense', () => {
    expect(() => exportTemplate({ ...copy(), items: [] })).toThrow(/not valid/);
    expect(validateTemplate(copy()).ok).toBe(true);
  });
});
