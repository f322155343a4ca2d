import { LOCALES } from '../../shared/i18n/lang.ts';
import { bridgeAvailable } from '../bridge/client.ts';
import { openAppDatabase } from '../db/instance.ts';
import { ensureBuiltInTemplates } from '../db/repositories/templates.ts';
import { getSetting } from '../db/repositories/settings.ts';
import type { Lang } from '../i18n/define.ts';
import { hashToRoute, routeToHash } from '../store/slices/navigation.ts';
import { useStore } from '../store/store.ts';
import { startAutoSync } from '../sync/hub-service.ts';

export type StorageState = { persisted: boolean };
export let storageState: StorageState = { persisted: false };

/** Everything that must happen before the first screen: storage, seed data, saved settings, route. */
export async function startApp(): Promise<void> {
  // Ask the browser not to evict our data under storage pressure: audits must never be lost.
  try {
    storageState = { persisted: (await navigator.storage?.persist?.()) ?? false };
  } catch {
    storageState = { persisted: false };
  }
  const database = await openAppDatabase();
  await ensureBuiltInTemplates(database);
  const lang = await getSetting<Lang>(database, 'language', 'en');
  useStore.setState({ lang: lang === 'zh' ? 'zh' : 'en', route: hashToRoute(location.hash) });
  document.documentElement.lang = LOCALES[lang];

  // Keep the URL hash and the store's route in step, both ways.
  useStore.subscribe((state, previous) => {
    if (state.route !== previous.route) {
      const hash = routeToHash(state.route);
      if (location.hash !== hash) history.pushState(null, '', hash);
    }
    if (state.lang !== previous.lang) document.documentElement.lang = LOCALES[state.lang];
  });
  window.addEventListener('popstate', () =>
    useStore.setState({ route: hashToRoute(location.hash) }),
  );
  // Only when main answers: a page without the bridge has no hub either.
  if (bridgeAvailable()) startAutoSync();
}
