import { describe, expect, it } from 'vitest';
import { fileSlug } from '../../../renderer/features/templates/download.ts';

describe('fileSlug', () => {
  it('keeps letters, digits and Chinese, and turns the rest into single dashes', () => {
    expect(fileSlug('Secure room (copy)')).toBe('Secure-room-copy');
    expect(fileSlug('涉密机房（副本）')).toBe('涉密机房-副本');
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(fileSlug('  ***  ')).toBe('template');
  });
  it('stays short', () => {
    expect(fileSlug('x'.repeat(500)).length).toBe(60);
  });
});
