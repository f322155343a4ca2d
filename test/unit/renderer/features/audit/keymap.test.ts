import { describe, expect, it } from 'vitest';
import { KEY_MAP, commandForKey } from '../../../../../renderer/features/audit/keymap.ts';

describe('walk-through keys', () => {
  it('answers with letters in either case and with digits', () => {
    expect(commandForKey({ key: 'p' })).toBe('pass');
    expect(commandForKey({ key: 'P' })).toBe('pass');
    expect(commandForKey({ key: '2' })).toBe('fail');
    expect(commandForKey({ key: 'n' })).toBe('na');
    expect(commandForKey({ key: 'Enter' })).toBe('confirm');
  });

  it('moves with arrows, page keys, J/K and brackets', () => {
    expect(commandForKey({ key: 'ArrowDown' })).toBe('nextItem');
    expect(commandForKey({ key: 'k' })).toBe('prevItem');
    expect(commandForKey({ key: 'PageDown' })).toBe('nextDevice');
    expect(commandForKey({ key: '[' })).toBe('prevDevice');
    expect(commandForKey({ key: 'u' })).toBe('nextUnanswered');
    expect(commandForKey({ key: '/' })).toBe('search');
  });

  it('leaves browser and system shortcuts alone, and ignores keys it does not know', () => {
    expect(commandForKey({ key: 'p', ctrlKey: true })).toBeNull();
    expect(commandForKey({ key: 'f', metaKey: true })).toBeNull();
    expect(commandForKey({ key: 'n', altKey: true })).toBeNull();
    expect(commandForKey({ key: 'q' })).toBeNull();
    expect(commandForKey({ key: 'Tab' })).toBeNull();
    expect(commandForKey({ key: 'Escape' })).toBeNull();
  });

  it('binds every key to one command only, and every command to at least one key', () => {
    const keys = KEY_MAP.flatMap((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(KEY_MAP.every((b) => b.keys.length > 0)).toBe(true);
    expect(new Set(KEY_MAP.map((b) => b.command)).size).toBe(KEY_MAP.length);
  });
});
