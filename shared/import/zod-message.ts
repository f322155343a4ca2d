import { z } from 'zod';
import type { Bilingual } from '../i18n/lang.ts';

// zod's issue messages are English; its zh-CN locale renders the same issue in Chinese, so a
// schema failure in an imported file reaches the user in their language with its location.

const zh = z.locales.zhCN();

/** `$.tables.devices[3].ips[0]`: where in the document the problem is. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  }
  return out;
}

export function describeZodError(error: z.ZodError): { path: string; detail: Bilingual } {
  const issue = error.issues[0];
  if (!issue) return { path: '$', detail: { en: 'invalid', zh: '无效' } };
  const localized = zh.localeError(issue as Parameters<typeof zh.localeError>[0]);
  const zhText = typeof localized === 'string' ? localized : (localized?.message ?? issue.message);
  const more = error.issues.length > 1 ? error.issues.length - 1 : 0;
  return {
    path: issuePath(issue.path),
    detail: {
      en: more ? `${issue.message} (and ${more} more problems)` : issue.message,
      zh: more ? `${zhText}（另有 ${more} 处问题）` : zhText,
    },
  };
}
