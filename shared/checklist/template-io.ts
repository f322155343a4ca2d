import type { DeviceType, Severity } from '../domain/enums.ts';
import {
  TemplateSchema,
  type CheckItem,
  type LocalizedText,
  type Template,
} from '../domain/schemas.ts';
import { upgradeRecord } from '../migrations/records.ts';
import { BUILTIN_TEMPLATES } from './secure-room.ts';

// Users' own checklists: duplicate a template (the built-in is read-only), edit the copy, and
// move it between machines as JSON. Every operation is a pure function that returns a new,
// fully validated template or a one-sentence error in both languages, and never touches its
// input, so a refused edit or import changes nothing.
//
// Versions: edits do not change `version`; an audit records templateId + version and its
// snapshot embeds the template, so the caller calls `nextVersion` when it saves a template that
// an audit has already used.

export type TemplateResult =
  | { readonly ok: true; readonly template: Template }
  | { readonly ok: false; readonly error: LocalizedText };

export const TEMPLATE_FORMAT = 'roomcheck.template';
export const TEMPLATE_FORMAT_VERSION = 1;
/** A 500-item template is ~250 KB of JSON; anything far larger is not a template. */
export const TEMPLATE_MAX_JSON_CHARS = 2_000_000;
const MAX_ITEMS = 500;

const failure = (en: string, zh: string): TemplateResult => ({ ok: false, error: { en, zh } });

const READ_ONLY = failure(
  'The built-in template is read-only; duplicate it to make an editable copy.',
  '内置模板为只读；请先复制一份再编辑。',
);

/** Validates a whole template: schema, unique ids, and room items that name no device types. */
export function validateTemplate(candidate: unknown): TemplateResult {
  const parsed = TemplateSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'template';
    const what = issue?.message ?? 'invalid';
    return failure(
      `The template is not valid: ${where}: ${what}.`,
      `模板内容无效：${where}：${what}。`,
    );
  }
  const template = parsed.data;
  const seen = new Map<string, string>();
  for (const item of template.items) {
    // "D1" and "d1" side by side would be indistinguishable in a report.
    const folded = item.id.toLowerCase();
    const earlier = seen.get(folded);
    if (earlier !== undefined)
      return failure(
        `Item id "${item.id}" is used more than once (also "${earlier}"); item ids must be unique.`,
        `检查项编号“${item.id}”重复（另见“${earlier}”）；编号必须唯一。`,
      );
    seen.set(folded, item.id);
    if (item.text.en.trim() === '' || item.text.zh.trim() === '')
      return failure(
        `Item ${item.id} needs its text in both English and Chinese.`,
        `检查项 ${item.id} 需要同时填写英文和中文内容。`,
      );
    if (item.scope === 'room' && item.appliesTo.length > 0)
      return failure(
        `Item ${item.id} applies to the room, so it cannot also list device types.`,
        `检查项 ${item.id} 针对机房，不能同时指定设备类型。`,
      );
    if (new Set(item.appliesTo).size !== item.appliesTo.length)
      return failure(
        `Item ${item.id} lists a device type more than once.`,
        `检查项 ${item.id} 重复列出了设备类型。`,
      );
  }
  return { ok: true, template };
}

const copyItem = (item: CheckItem): CheckItem => ({
  ...item,
  text: { ...item.text },
  appliesTo: [...item.appliesTo],
});

/** An editable copy: new id, not built in, remembering which template and version it came from. */
export function duplicateTemplate(
  source: Template,
  options: { id: string; now: string; name?: string },
): TemplateResult {
  if (BUILTIN_TEMPLATES.some((t) => t.id === options.id) || options.id === source.id)
    return failure('The copy needs an id of its own.', '副本需要使用新的编号。');
  return validateTemplate({
    id: options.id,
    name: options.name ?? `${source.name} (copy)`,
    version: 1,
    builtIn: false,
    basedOn: { templateId: source.id, version: source.version },
    items: source.items.map(copyItem),
    createdAt: options.now,
    updatedAt: options.now,
  });
}

function withItems(template: Template, items: CheckItem[], now: string): TemplateResult {
  if (template.builtIn) return READ_ONLY;
  if (items.length === 0)
    return failure('A template needs at least one item.', '模板至少需要一个检查项。');
  return validateTemplate({ ...template, items, updatedAt: now });
}

function indexOfItem(template: Template, itemId: string): number {
  return template.items.findIndex((item) => item.id === itemId);
}

const noSuchItem = (itemId: string) =>
  failure(`There is no item "${itemId}" in this template.`, `此模板中没有检查项“${itemId}”。`);

/** Normalises what an editor form produces: trimmed texts, room items without types. */
function normalise(item: CheckItem): CheckItem {
  return {
    ...item,
    id: item.id.trim(),
    text: { en: item.text.en.trim(), zh: item.text.zh.trim() },
    basis: item.basis.trim(),
    appliesTo: item.scope === 'room' ? [] : [...new Set(item.appliesTo)],
  };
}

/** Adds an item at `position` (default: the end). */
export function addItem(
  template: Template,
  item: CheckItem,
  now: string,
  position = template.items.length,
): TemplateResult {
  if (!Number.isInteger(position) || position < 0 || position > template.items.length)
    return failure('That position is outside the list.', '该位置超出了列表范围。');
  if (template.items.length >= MAX_ITEMS)
    return failure(
      `A template holds at most ${MAX_ITEMS} items.`,
      `一个模板最多包含 ${MAX_ITEMS} 个检查项。`,
    );
  const items = template.items.map(copyItem);
  items.splice(position, 0, normalise(item));
  return withItems(template, items, now);
}

/** Fields to change; `text` may change one language alone. */
export type ItemPatch = Partial<Omit<CheckItem, 'text'>> & { text?: Partial<LocalizedText> };

/**
 * Changes an item. Changing its id is allowed (an unused item may be renamed) but past audits
 * refer to items by id, so the UI should warn before renaming an item that has answers.
 */
export function editItem(
  template: Template,
  itemId: string,
  patch: ItemPatch,
  now: string,
): TemplateResult {
  const index = indexOfItem(template, itemId);
  if (index < 0) return noSuchItem(itemId);
  const items = template.items.map(copyItem);
  const current = items[index]!;
  items[index] = normalise({
    ...current,
    ...patch,
    text: { ...current.text, ...patch.text },
    appliesTo: patch.appliesTo ?? current.appliesTo,
  });
  return withItems(template, items, now);
}

export function setSeverity(
  template: Template,
  itemId: string,
  severity: Severity,
  now: string,
): TemplateResult {
  return editItem(template, itemId, { severity }, now);
}

/** Room scope, or device scope for the given types (empty: every type). */
export function setApplicability(
  template: Template,
  itemId: string,
  scope: CheckItem['scope'],
  appliesTo: readonly DeviceType[],
  now: string,
): TemplateResult {
  if (scope === 'room' && appliesTo.length > 0)
    return failure(
      'An item that applies to the room cannot also list device types.',
      '针对机房的检查项不能同时指定设备类型。',
    );
  return editItem(template, itemId, { scope, appliesTo: [...appliesTo] }, now);
}

/** Moves an item so it ends up at `toIndex` in the new order. */
export function moveItem(
  template: Template,
  itemId: string,
  toIndex: number,
  now: string,
): TemplateResult {
  const from = indexOfItem(template, itemId);
  if (from < 0) return noSuchItem(itemId);
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= template.items.length)
    return failure('That position is outside the list.', '该位置超出了列表范围。');
  const items = template.items.map(copyItem);
  const [moved] = items.splice(from, 1);
  items.splice(toIndex, 0, moved!);
  return withItems(template, items, now);
}

export function removeItem(template: Template, itemId: string, now: string): TemplateResult {
  const index = indexOfItem(template, itemId);
  if (index < 0) return noSuchItem(itemId);
  return withItems(template, template.items.filter((_, i) => i !== index).map(copyItem), now);
}

/** The same template as a new version, for saving edits to a template an audit has used. */
export function nextVersion(template: Template, now: string): TemplateResult {
  if (template.builtIn) return READ_ONLY;
  return validateTemplate({ ...template, version: template.version + 1, updatedAt: now });
}

/** The file content for a template: `{ format, formatVersion, template }`, indented. */
export function exportTemplate(template: Template): string {
  const checked = validateTemplate(template);
  if (!checked.ok) throw new Error(checked.error.en);
  return `${JSON.stringify(
    { format: TEMPLATE_FORMAT, formatVersion: TEMPLATE_FORMAT_VERSION, template: checked.template },
    null,
    2,
  )}\n`;
}

// Keys that mean nothing in a template and everything to a prototype-pollution attempt: their
// presence says the file was crafted, so it is refused rather than quietly cleaned.
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Reads a template file. Refuses, with a message naming the problem, anything that is not
 * exactly a version-1 Roomcheck template: other JSON, other formats or versions, oversized or
 * crafted files, invalid or duplicated items, and built-in templates (they ship with the app).
 */
export function importTemplate(text: string): TemplateResult {
  if (typeof text !== 'string') return failure('The file is empty.', '文件为空。');
  if (text.length > TEMPLATE_MAX_JSON_CHARS)
    return failure(
      `The file is too large to be a template (over ${TEMPLATE_MAX_JSON_CHARS / 1_000_000} MB).`,
      `文件过大，不是模板文件（超过 ${TEMPLATE_MAX_JSON_CHARS / 1_000_000} MB）。`,
    );
  if (text.trim() === '') return failure('The file is empty.', '文件为空。');
  let hostileKey: string | null = null;
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''), (key, value: unknown) => {
      if (HOSTILE_KEYS.has(key)) hostileKey = key;
      return value;
    });
  } catch {
    return failure(
      'The file is not valid JSON, so it cannot be a Roomcheck template.',
      '文件不是有效的 JSON，不是 Roomcheck 模板。',
    );
  }
  if (hostileKey !== null)
    return failure(
      `The file contains the key "${hostileKey}", which no template has; it was refused.`,
      `文件包含模板中不应出现的键“${hostileKey}”，已拒绝导入。`,
    );
  if (document === null || typeof document !== 'object' || Array.isArray(document))
    return failure('The file is not a Roomcheck template.', '该文件不是 Roomcheck 模板。');
  const { format, formatVersion, template } = document as Record<string, unknown>;
  if (format !== TEMPLATE_FORMAT)
    return failure(
      `The file is not a Roomcheck template (its format is ${describe(format)}).`,
      `该文件不是 Roomcheck 模板（格式为 ${describe(format)}）。`,
    );
  if (formatVersion !== TEMPLATE_FORMAT_VERSION)
    return typeof formatVersion === 'number' && formatVersion > TEMPLATE_FORMAT_VERSION
      ? failure(
          `The template was saved by a newer Roomcheck (format version ${formatVersion}); this version reads version ${TEMPLATE_FORMAT_VERSION}.`,
          `该模板由较新版本的 Roomcheck 保存（格式版本 ${formatVersion}）；当前版本只能读取版本 ${TEMPLATE_FORMAT_VERSION}。`,
        )
      : failure(
          `Unsupported template format version ${describe(formatVersion)}; expected ${TEMPLATE_FORMAT_VERSION}.`,
          `不支持的模板格式版本 ${describe(formatVersion)}；应为 ${TEMPLATE_FORMAT_VERSION}。`,
        );
  if (template === null || typeof template !== 'object')
    return failure('The file holds no template.', '文件中没有模板内容。');
  const items = (template as Record<string, unknown>).items;
  // Checked before the schema so a million-item file is refused without validating each item.
  if (Array.isArray(items) && items.length > MAX_ITEMS)
    return failure(
      `The template has ${items.length} items; at most ${MAX_ITEMS} are allowed.`,
      `该模板有 ${items.length} 个检查项，最多允许 ${MAX_ITEMS} 个。`,
    );
  if ((template as Record<string, unknown>).builtIn === true)
    return failure(
      'Built-in templates come with Roomcheck and cannot be imported; export and import a copy instead.',
      '内置模板随 Roomcheck 提供，不能导入；请导出并导入其副本。',
    );
  // File version 1 holds a template record of version 1; the shared chain brings it up to date.
  return validateTemplate(upgradeRecord('template', template, TEMPLATE_RECORD_VERSION_IN_FILE_V1));
}

const TEMPLATE_RECORD_VERSION_IN_FILE_V1 = 1;

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  const shown = JSON.stringify(value) ?? String(value);
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}
