import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from '../../../../main/security/app-origin.ts';

describe('isAppUrl', () => {
  it('accepts URLs on exactly app://roomcheck', () => {
    expect(APP_ORIGIN).toBe('app://roomcheck');
    expect(APP_ENTRY_URL).toBe('app://roomcheck/');
    for (const url of [
      'app://roomcheck',
      'app://roomcheck/',
      'app://roomcheck/index.html',
      'app://roomcheck/assets/index-abc.js?v=1#top',
      // The scheme is case-insensitive in every URL parser.
      'APP://roomcheck/',
    ]) {
      expect(isAppUrl(url), url).toBe(true);
    }
  });

  it('refuses look-alikes that defeat substring checks', () => {
    for (const url of [
      'http://example.invalid/?next=app://roomcheck',
      'https://app.roomcheck/',
      'app://roomcheck.evil/',
      'app://roomcheck@evil/',
      'app://evil@roomcheck/',
      'app://user:pass@roomcheck/',
      'app://roomcheck:8080/',
      'app://evil/app://roomcheck/',
      'app://evil/?origin=app://roomcheck',
      'app://evil#app://roomcheck',
      'app://roomcheck%00/',
      'app://room%63heck/',
      // Chromium canonicalises standard-scheme hosts to lower case; any other spelling did
      // not come from it.
      'APP://ROOMCHECK/',
      'app:roomcheck',
      'app:///roomcheck/',
      'file:///app://roomcheck/',
      'blob:app://roomcheck/123',
      'roomcheck',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('refuses non-strings', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});
