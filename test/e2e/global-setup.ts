import { buildRenderer } from '../../main/scripts/web.ts';

/** The end-to-end tests run against the production build of the renderer. */
export default async function globalSetup(): Promise<void> {
  if (process.env.ROOMCHECK_SKIP_BUILD === '1') return;
  await buildRenderer();
}
