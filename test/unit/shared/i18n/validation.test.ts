import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { blankDevice } from '../../../../shared/domain/device-fields.ts';
import {
  AuditSchema,
  DeviceSchema,
  FindingSchema,
  RackSchema,
  SiteSchema,
} from '../../../../shared/domain/schemas.ts';
import { isValidationError, validationSentence } from '../../../../shared/i18n/validation.ts';

const now = '2026-01-01T00:00:00.000Z';
const site = { id: 's1', name: 'HQ', organisation: '', notes: '', createdAt: now, updatedAt: now };

/** The error a real schema gives for `value`; the test fails if the value was accepted. */
function refusal(schema: z.ZodType, value: unknown): z.ZodError {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('the schema accepted the value');
  return result.error;
}

describe('validation sentences', () => {
  it('names the field and the limit of a text that is too long, in both languages', () => {
    const error = refusal(SiteSchema, { ...site, name: 'x'.repeat(201) });
    expect(validationSentence(error, 'en')).toBe('Name is too long: at most 200 characters.');
    expect(validationSentence(error, 'zh')).toBe('名称过长：最多 200 个字符。');
  });

  it('names a device field by its label (the one the editor shows)', () => {
    const device = { ...blankDevice('s1', 'r1'), id: 'd1', createdAt: now, updatedAt: now };
    const error = refusal(DeviceSchema, { ...device, assetTag: 'T'.repeat(500) });
    expect(validationSentence(error, 'en')).toMatch(
      /^Asset tag is too long: at most \d+ characters\.$/,
    );
    expect(validationSentence(error, 'zh')).toMatch(/^资产编号过长：最多 \d+ 个字符。$/);
  });

  it('says a required text is required, and a list how many entries it may hold', () => {
    const rack = {
      id: 'k1',
      roomId: 'r1',
      name: '',
      heightU: 42,
      walkOrder: 0,
      notes: '',
      createdAt: now,
      updatedAt: now,
    };
    const empty = refusal(RackSchema, rack);
    expect(validationSentence(empty, 'en')).toBe('Name is required.');
    expect(validationSentence(empty, 'zh')).toBe('请填写名称。');
    const tall = refusal(RackSchema, { ...rack, name: 'A', heightU: 61 });
    expect(validationSentence(tall, 'en')).toBe('Height (U) must be at most 60.');
    expect(validationSentence(tall, 'zh')).toBe('高度（U）不能大于 60。');
  });

  it('names the list for a problem in one of its entries', () => {
    const shape = AuditSchema.pick({ inspectors: true });
    const many = refusal(shape, { inspectors: Array.from({ length: 21 }, (_, i) => `P${i}`) });
    expect(validationSentence(many, 'en')).toBe('Inspectors: at most 20 entries.');
    const long = refusal(shape, { inspectors: ['x'.repeat(201)] });
    expect(validationSentence(long, 'zh')).toMatch(/^检查人员过长/);
  });

  it('never shows zod’s own output, whatever the schema', () => {
    const error = refusal(FindingSchema, { title: 42, nested: { deep: [1] } });
    for (const lang of ['en', 'zh'] as const) {
      const text = validationSentence(error, lang);
      expect(text).not.toMatch(/[[\]{}"]|origin|code|expected/);
      expect(text.length).toBeLessThan(120);
    }
  });

  it('recognises zod errors and nothing else', () => {
    expect(isValidationError(refusal(SiteSchema, {}))).toBe(true);
    expect(isValidationError(new Error('[ { "code": "too_big" } ]'))).toBe(false);
    expect(isValidationError({ name: 'ZodError', issues: [] })).toBe(false);
  });
});
