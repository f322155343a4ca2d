import type { Handler } from '../bridge/router.ts';

export const appInfo: Handler<'appInfo'> = (_req, ctx) => ({
  name: 'Roomcheck',
  version: ctx.version,
  platform: process.platform,
  dataDir: ctx.dataDir,
  transport: ctx.transport,
});
