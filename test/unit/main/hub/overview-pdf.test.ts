import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type DispatchResult } from '../../../../main/bridge/router.ts';
import { handlers } from '../../../../main/handlers/index.ts';
import type { Overview } from '../../../../shared/hub/overview.ts';
import {
  missingJudges,
  pdfsig,
  pdfsigBlocks,
  pdftotext,
  qpdfCheck,
  writeTemp,
} from '../signing/support/judges.ts';
import { P12_PASSPHRASE, testPki } from '../signing/support/pki.ts';

// The manager's overview exported as a signed PDF, judged by poppler and qpdf: the signature
// is valid and trusted through the organisation's CA, and the text says what the screen says.

const skip = missingJudges('pdfsig', 'pdftotext', 'qpdf');
if (skip) console.log(`overview PDF tests skipped: ${skip}`);

const overview: Overview = {
  rooms: [
    {
      siteId: 's1',
      siteName: 'Beijing HQ 北京总部',
      roomId: 'r1',
      roomName: 'Server room 3 机房',
      lastAuditDate: '2026-01-10',
      nextDue: '2026-04-10',
      status: 'overdue',
      open: { high: 2, medium: 1, low: 0 },
    },
  ],
  overdue: 1,
  neverAudited: 0,
  openBySeverityAndAge: {
    high: { under30: 0, from30: 0, from90: 2, from180: 0 },
    medium: { under30: 1, from30: 0, from90: 0, from180: 0 },
    low: { under30: 0, from30: 0, from90: 0, from180: 0 },
  },
  recurring: [
    {
      lineageId: 'f1',
      title: 'Idle NVR still cabled 闲置设备仍接网',
      severity: 'high',
      siteName: 'Beijing HQ 北京总部',
      roomName: 'Server room 3 机房',
      sightings: 3,
      firstSeen: '2025-07-01',
    },
  ],
  awaitingCountersignature: [
    {
      auditId: 'a1',
      title: 'Q1 audit 一季度检查',
      siteName: 'Beijing HQ 北京总部',
      completedAt: '2026-01-10T09:00:00Z',
    },
  ],
};

let dataDir: string;
let dispatch: ReturnType<typeof createRouter>;
let identityId: string;
const value = <T>(r: DispatchResult) => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

beforeAll(async () => {
  if (skip) return;
  dataDir = await mkdtemp(join(tmpdir(), 'roomcheck-overview-'));
  dispatch = createRouter(handlers, { dataDir, version: 'test', transport: 'loopback' });
  const pki = testPki();
  const made = value<{ id: string }>(
    await dispatch('identityImportP12', {
      label: 'Security office',
      p12Base64: readFileSync(pki.ec.p12).toString('base64'),
      p12Passphrase: P12_PASSPHRASE,
      protection: { kind: 'passphrase', passphrase: 'overview signing passphrase' },
    }),
  );
  identityId = made.id;
}, 120_000);
afterAll(() => (dataDir ? rm(dataDir, { recursive: true, force: true }) : undefined));

describe.skipIf(skip !== null)('the overview as a signed PDF', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`is signed, trusted and readable (${lang})`, async () => {
      const signed = value<{ pdfBase64: string; pageCount: number }>(
        await dispatch('overviewSign', {
          overview,
          siteName: null,
          lang,
          identityId,
          passphrase: 'overview signing passphrase',
        }),
      );
      const file = writeTemp(Buffer.from(signed.pdfBase64, 'base64'), `overview-${lang}.pdf`);
      const sig = pdfsig(file, testPki().nssDir);
      const blocks = pdfsigBlocks(sig.out);
      expect(blocks).toHaveLength(1);
      expect(blocks[0]).toContain('Signature is Valid.');
      expect(blocks[0]).toContain('Certificate is Trusted.');
      expect(blocks[0]).toContain('Total document signed');
      expect(qpdfCheck(file).status).toBe(0);
      const text = pdftotext(file).replace(/\s+/g, ' ');
      expect(text).toContain(lang === 'zh' ? '全部站点总览' : 'Overview of all sites');
      for (const words of [
        'Server room 3 机房',
        'Idle NVR still cabled 闲置设备仍接网',
        'Q1 audit 一季度检查',
      ])
        expect(text).toContain(words);
      expect(text).toContain(lang === 'zh' ? '已逾期' : 'overdue');
    }, 120_000);
  }

  it('refuses a wrong passphrase without signing', async () => {
    const r = await dispatch('overviewSign', {
      overview,
      siteName: null,
      lang: 'en',
      identityId,
      passphrase: 'not the passphrase',
    });
    expect(r.ok === false && r.error.code).toBe('wrong_passphrase');
  });
});
