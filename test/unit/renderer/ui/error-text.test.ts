import { describe, expect, it } from 'vitest';
import { SiteSchema } from '../../../../shared/domain/schemas.ts';
import { BridgeCallError } from '../../../../renderer/bridge/client.ts';
import { DuplicateAssetTagError } from '../../../../renderer/db/repositories/inventory.ts';
import { makeTranslator } from '../../../../renderer/i18n/translate.ts';
import { errorText } from '../../../../renderer/ui/error-text.ts';

const en = makeTranslator('en');
const zh = makeTranslator('zh');

describe('errorText', () => {
  it('turns a schema failure into one sentence naming the field and the limit', () => {
    const result = SiteSchema.pick({ name: true }).safeParse({ name: 'x'.repeat(300) });
    if (result.success) throw new Error('the schema accepted the value');
    // zod's own message is the JSON people used to see in the toast.
    expect(result.error.message).toMatch(/"code"/);
    expect(errorText(en, result.error)).toMatch(/^Name is too long: at most 200 characters\.$/);
    expect(errorText(zh, result.error)).toBe('名称过长：最多 200 个字符。');
  });

  it('says which asset tag is taken, in the chosen language', () => {
    const error = new DuplicateAssetTagError('A-17');
    expect(errorText(en, error)).toContain('A-17');
    expect(errorText(en, error)).not.toMatch(/went wrong/i);
    expect(errorText(zh, error)).toBe('资产编号“A-17”已被本场所的其他设备使用。');
  });

  it('passes on a bridge error as the client already said it', () => {
    expect(
      errorText(zh, new BridgeCallError('failed', '备份不是有效的 JSON，未写入任何内容。')),
    ).toBe('备份不是有效的 JSON，未写入任何内容。');
  });

  it('keeps an unknown failure short and in the chosen language around its own words', () => {
    const text = errorText(zh, new Error('x'.repeat(5000)));
    expect(text.startsWith('操作未成功')).toBe(true);
    expect(text.length).toBeLessThan(400);
  });
});
