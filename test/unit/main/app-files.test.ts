import { describe, expect, it } from 'vitest';
import { locateAppFiles } from '../../../main/app-files.ts';

describe('locateAppFiles', () => {
  it('finds the renderer and preload next to the bundled main in a checkout', () => {
    expect(locateAppFiles('/home/me/roomcheck/out/main')).toEqual({
      rendererDir: '/home/me/roomcheck/dist/renderer',
      preloadPath: '/home/me/roomcheck/out/main/preload.cjs',
    });
  });

  it('finds them inside the asar archive of a packaged app', () => {
    expect(locateAppFiles('/opt/Roomcheck/resources/app.asar/out/main')).toEqual({
      rendererDir: '/opt/Roomcheck/resources/app.asar/dist/renderer',
      preloadPath: '/opt/Roomcheck/resources/app.asar/out/main/preload.cjs',
    });
  });
});
