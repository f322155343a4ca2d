import type { Lang } from './define.ts';
import { common } from './messages/common.ts';
import { sites } from './messages/sites.ts';
import { inventory } from './messages/inventory.ts';
import { templates } from './messages/templates.ts';
import { walk } from './messages/walk.ts';
import { findings } from './messages/findings.ts';
import { summary } from './messages/summary.ts';
import { exchange } from './messages/exchange.ts';
import { reports } from './messages/reports.ts';
import { hub } from './messages/hub.ts';
import { elevation } from './messages/elevation.ts';
import { errors } from '../../shared/i18n/messages/errors.ts';

/**
 * Every feature's messages. Keys carry their feature's prefix ("inventory.…") so catalogs
 * can be merged without collisions; a test checks the prefixes.
 */
export const CATALOGS = {
  common,
  sites,
  walk,
  findings,
  summary,
  inventory,
  reports,
  templates,
  exchange,
  hub,
  elevation,
  errors,
} as const;

type Catalogs = typeof CATALOGS;
type Union<T> = T extends unknown ? keyof T : never;
export type MessageKey = Union<Catalogs[keyof Catalogs]['en']>;

function merge(lang: Lang): Record<MessageKey, string> {
  return Object.assign({}, ...Object.values(CATALOGS).map((c) => c[lang])) as Record<
    MessageKey,
    string
  >;
}

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = {
  en: merge('en'),
  zh: merge('zh'),
};
