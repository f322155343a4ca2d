import { describe, expect, it } from 'vitest';
import { fileSlug } from '../../../../renderer/ui/download.ts';

describe('fileSlug', () => {
  it('keeps letters, digits and Chinese, and turns the rest into single dashes', () => {
    expect(fileSlug('Secure room (copy)', 'template')).toBe('Secure-room-copy');
    expect(fileSlug('涉密机房（副本）', 'template')).toBe('涉密机房-副本');
    expect(fileSlug('../../etc/passwd', 'template')).toBe('etc-passwd');
    expect(fileSlug('  ***  ', 'template')).toBe('template');
  });
  it('stays short', () => {
    expect(fileSlug('x'.repeat(500), 'template').length).toBe(60);
  });
});
