import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoPhotos } from '../../../../main/report/demo-assets.ts';
import { loadReportFonts } from '../../../../main/report/fonts.ts';
import { makeDemoAudit } from '../../../../shared/demo/demo-audit.ts';
import type { AuditSnapshot } from '../../../../shared/snapshot/schema.ts';
import { buildReportPdf, type BuiltReport } from '../../../../shared/report/build-report.ts';
import { EN, ZH } from '../../../../shared/report/strings.ts';
import { buildReportModel } from '../../../../shared/report/report-model.ts';
import { SEVERITIES } from '../../../../shared/domain/enums.ts';
import { pageTexts, pdfInfo, qpdfCheck, withPdfFile, words } from './pdf-tools.ts';

const fonts = loadReportFonts();
const photos = loadDemoPhotos();
const now = new Date('2026-06-15T09:00:00.000Z');
const generatedAt = now.toISOString();
const signature = {
  signerName: '王建国 Wang Jianguo',
  signingTime: generatedAt,
  reason: 'Security audit report RC-2026-042',
  location: '主机房 A / Main computer room A',
  certificateSubject: 'CN=王建国 Wang Jianguo, O=Demo Municipal Data Bureau',
  issuer: 'CN=王建国 Wang Jianguo, O=Demo Municipal Data Bureau',
  fingerprintSha256: '3f'.repeat(32),
  selfIssued: true,
};

/** Text with line breaks and runs of spaces collapsed, as a reader scanning the page sees it. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
/** Without any whitespace: wrapped names and titles compare equal to the original. */
const squash = (text: string) => text.replace(/\s+/g, '');

function build(snapshot: AuditSnapshot, sig: typeof signature | null = signature): BuiltReport {
  return buildReportPdf(snapshot, { fonts, generatedAt, signature: sig });
}

describe('buildReportPdf (English demo audit)', () => {
  let snapshot: AuditSnapshot;
  let report: BuiltReport;
  let pages: string[];
  let all: string;

  beforeAll(() => {
    snapshot = makeDemoAudit({ seed: 42, now, photos });
    report = build(snapshot);
    pages = pageTexts(report.bytes);
    all = flat(pages.join('\n'));
  });

  it('is a well-formed A4 PDF whose page count matches what the builder reports', () => {
    expect(qpdfCheck(report.bytes).status).toBe(0);
    const info = pdfInfo(report.bytes);
    expect(Number(info.Pages)).toBe(report.pageCount);
    expect(info['Page size']).toMatch(/595\.2\d? x 841\.8\d? pts \(A4\)/);
    expect(pages).toHaveLength(report.pageCount);
    expect(report.pageCount).toBeGreaterThan(10);
  });

  it('has every section, with content from the snapshot', () => {
    for (const heading of [
      EN.reportTitle,
      EN.contents,
      EN.sectionSummary,
      EN.overallJudgement,
      EN.keyRisks,
      EN.sectionScope,
      EN.method,
      EN.limits,
      EN.sectionConformity,
      EN.conformityByRoom,
      EN.notCheckedItems,
      EN.sectionComparison,
      EN.sectionFindings,
      EN.sectionRemediation,
      EN.sectionConclusions,
      EN.followUp,
      EN.distribution,
      EN.appendixInventory,
      EN.appendixSanitization,
      EN.appendixReconciliation,
      EN.appendixPhotos,
      EN.sectionSignOff,
      EN.digitalSignature,
    ]) {
      expect(all, heading).toContain(heading);
    }
    // One term per idea: the judgement's unresolved findings are the table's open + in remediation.
    const high = snapshot.findings.filter((f) => f.severity === 'high');
    const open = high.filter((f) => f.status === 'open').length;
    const inRemediation = high.filter((f) => f.status === 'in_remediation').length;
    expect(all).toContain(
      EN.judgementUnsatisfactory({ total: open + inRemediation, open, inRemediation }),
    );
    expect(all).toContain(snapshot.template.name);
    for (const room of snapshot.rooms) expect(all).toContain(room.name);
    const squashed = squash(all);
    for (const device of snapshot.devices)
      expect(squashed, device.name).toContain(squash(device.name));
    for (const finding of snapshot.findings)
      expect(squashed, finding.title).toContain(squash(finding.title));
    expect(all).toContain('主机房 A / Main computer room A');
    expect(all).toContain('视频监控管理平台服务器');
    expect(all).toContain('Previous audit: Secure room audit 2025');
    expect(all).toContain('RC-SRV-0117');
    const oaNote = snapshot.devices.find((d) => d.assetTag === 'RC-SRV-0117')?.notes ?? 'missing';
    expect(squashed).toContain(squash(oaNote)); // device notes are printed in the inventory
    expect(squashed).toContain('XH-2026-0318-07'); // sanitization certificate
    expect(all).toContain(snapshot.evidence[0]?.sha256 ?? 'missing');
    expect(all).toContain('王建国 Wang Jianguo');
    expect(all).toContain('Self-issued certificate');
    expect(all).toContain('3F:3F:3F:3F');
  });

  it('puts the classification banner and "Page X of Y" on every page', () => {
    pages.forEach((text, i) => {
      expect(text.match(/SECRET/g)?.length ?? 0, `page ${i + 1}`).toBeGreaterThanOrEqual(2);
      expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${report.pageCount}`);
    });
  });

  it('keeps every word inside the page margins (nothing overflows or is cut off)', () => {
    const { pageWidth, pageHeight, words: all } = words(report.bytes);
    expect(all.length).toBeGreaterThan(1000);
    const outside = all.filter(
      (w) =>
        w.xMin < 14 * 2.83 || w.xMax > pageWidth - 14 * 2.83 || w.yMin < 0 || w.yMax > pageHeight,
    );
    expect(outside.map((w) => `p${w.page} "${w.text}" ${w.xMin}-${w.xMax}`)).toEqual([]);
  });

  it('draws evidence photos from the snapshot', () => {
    const withPhotos = build(snapshot);
    const without = build({ ...snapshot, evidence: [] });
    // Two JPEGs of about 24 and 29 KB are embedded once each (thumbnail and appendix share).
    const diff = withPhotos.bytes.length - without.bytes.length;
    expect(diff).toBeGreaterThan(45_000);
    expect(diff).toBeLessThan(80_000);
    expect(flat(pageTexts(without.bytes).join(' '))).toContain(EN.noPhotos);
  });
});

describe('buildReportPdf (Chinese report)', () => {
  let report: BuiltReport;
  let pages: string[];
  let snapshot: AuditSnapshot;

  beforeAll(() => {
    snapshot = makeDemoAudit({ seed: 42, now, photos, language: 'zh' });
    report = build(snapshot);
    pages = pageTexts(report.bytes);
  });

  it('uses Chinese headings and both page-number forms on every page', () => {
    const all = flat(pages.join('\n'));
    for (const heading of [
      ZH.reportTitle,
      ZH.sectionSummary,
      ZH.sectionScope,
      ZH.sectionComparison,
      ZH.sectionFindings,
      ZH.sectionRemediation,
      ZH.sectionSignOff,
      '附录A',
    ]) {
      expect(all, heading).toContain(heading);
    }
    for (const finding of snapshot.findings) {
      expect(squash(all), finding.title).toContain(squash(finding.title));
    }
    expect(all).toContain('自签发证书');
    pages.forEach((text, i) => {
      const t = flat(text);
      expect(t, `page ${i + 1}`).toContain(`第 ${i + 1} 页 共 ${report.pageCount} 页`);
      expect(t, `page ${i + 1}`).toContain(`Page ${i + 1} of ${report.pageCount}`);
      expect(t.match(/机密/g)?.length ?? 0, `page ${i + 1}`).toBeGreaterThanOrEqual(2);
    });
    expect(qpdfCheck(report.bytes).status).toBe(0);
  });
});

describe('buildReportPdf edge cases', () => {
  const base = makeDemoAudit({ seed: 7, now, photos });

  it('says "First audit of this room" when there is no prior audit', () => {
    const first = makeDemoAudit({ seed: 7, now, withPrior: false });
    const text = flat(pageTexts(build(first).bytes).join(' '));
    expect(text).toContain(EN.firstAudit);
    expect(text).not.toContain('Previous audit:');
    const zh = makeDemoAudit({ seed: 7, now, withPrior: false, language: 'zh' });
    expect(flat(pageTexts(build(zh).bytes).join(' '))).toContain(ZH.firstAudit);
  });

  it('states the signature status: none, self-issued, or from a certificate authority', () => {
    expect(flat(pageTexts(build(base, null).bytes).join(' '))).toContain(EN.sigNone);
    const ca = flat(pageTexts(build(base, { ...signature, selfIssued: false }).bytes).join(' '));
    expect(ca).toContain('Issued by a certificate authority');
    expect(ca).not.toContain('Self-issued');
  });

  it('still makes the report when a photo cannot be decoded', () => {
    const broken = structuredClone(base);
    broken.evidence[0]!.dataBase64 = 'bm90IGFuIGltYWdl'; // "not an image"
    broken.evidence[1]!.dataBase64 = '***';
    const report = build(broken);
    const text = flat(pageTexts(report.bytes).join(' '));
    expect(text).toContain(EN.imageUnavailable);
    expect(qpdfCheck(report.bytes).status).toBe(0);
  });

  it('refuses a generatedAt that is not an ISO date-time', () => {
    expect(() =>
      buildReportPdf(base, { fonts, generatedAt: 'yesterday', signature: null }),
    ).toThrow(/generatedAt must be an ISO 8601 date-time/);
  });

  it('works with one regular font alone (bold falls back to regular)', () => {
    const report = buildReportPdf(base, {
      fonts: { regular: fonts.regular.slice(0, 1) },
      generatedAt,
      signature: null,
    });
    expect(qpdfCheck(report.bytes).status).toBe(0);
    expect(flat(pageTexts(report.bytes).join(' '))).toContain(EN.sectionSummary);
  });
});

describe('buildReportPdf at benchmark size', () => {
  it('lays out 500 devices and 1,000 findings', () => {
    const snapshot = makeDemoAudit({ seed: 3, now, photos, deviceCount: 500, findingCount: 1000 });
    build(snapshot); // warm-up: font preparation and JIT happen once per process
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const report = build(snapshot);
    const wall = performance.now() - started;
    const cpu = process.cpuUsage(cpu0);
    console.log(
      `report layout: 500 devices, 1,000 findings -> ${report.pageCount} pages, ` +
        `${(report.bytes.length / 1e6).toFixed(2)} MB in ${(wall / 1000).toFixed(2)} s wall, ` +
        `${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU`,
    );
    expect(report.pageCount).toBeGreaterThan(200);
    const pages = pageTexts(report.bytes);
    expect(pages).toHaveLength(report.pageCount);
    expect(pages.at(-1)).toContain(`Page ${report.pageCount} of ${report.pageCount}`);
    expect(qpdfCheck(report.bytes).status).toBe(0);
  }, 120_000);
});

describe('buildReportPdf for readers and archives', () => {
  type QpdfJson = {
    outlines: Array<{ title: string; destpageposfrom1: number; kids: unknown[] }>;
    qpdf: [
      unknown,
      Record<string, { value?: unknown; stream?: { dict: Record<string, unknown> } }>,
    ];
  };
  const qpdfJson = (bytes: Uint8Array): QpdfJson =>
    JSON.parse(
      withPdfFile(bytes, (p) =>
        execFileSync('qpdf', ['--json', '--json-stream-data=inline', p], {
          encoding: 'utf8',
          maxBuffer: 1 << 28,
        }),
      ),
    ) as QpdfJson;

  for (const language of ['en', 'zh'] as const) {
    it(`has bookmarks and contents links that go where the contents say (${language})`, () => {
      const snapshot = makeDemoAudit({ seed: 42, now, photos, language });
      const report = build(snapshot);
      const json = qpdfJson(report.bytes);
      const pages = pageTexts(report.bytes);
      const s = language === 'en' ? EN : ZH;
      // Top-level bookmarks are the sections, each pointing at the page whose heading it is.
      const top = json.outlines.map((o) => o.title);
      expect(top).toContain(s.sectionSummary);
      expect(top).toContain(s.sectionSignOff);
      for (const o of json.outlines) {
        expect(squash(pages[o.destpageposfrom1 - 1] ?? ''), o.title).toContain(squash(o.title));
      }
      const findings = json.outlines.find((o) => o.title === s.sectionFindings);
      expect(findings?.kids).toHaveLength(3); // high, medium, low
      // The contents page links every line to its page.
      const objects = json.qpdf[1];
      const catalog = Object.values(objects).find(
        (o) => (o.value as Record<string, unknown> | undefined)?.['/Type'] === '/Catalog',
      )?.value as Record<string, string>;
      expect(catalog['/Lang']).toBe(language === 'en' ? 'u:en' : 'u:zh-CN');
      expect(catalog['/Outlines']).toBeDefined();
      expect(catalog['/PageMode']).toBe('/UseOutlines');
      const firstPage = withPdfFile(report.bytes, (p) =>
        execFileSync('qpdf', ['--show-object=3', p], { encoding: 'utf8' }),
      );
      const links = firstPage.match(/\/Subtype \/Link/g) ?? [];
      expect(links.length).toBeGreaterThanOrEqual(json.outlines.length);
      // XMP metadata: title, author, dates and language, as archives read them.
      const metadataRef = catalog['/Metadata'] ?? '';
      const xmp = objects[`obj:${metadataRef}`]?.stream as unknown as { data: string };
      const text = Buffer.from(xmp.data, 'base64').toString('utf8');
      expect(text).toContain(`<rdf:li xml:lang="x-default">${s.reportTitle}`);
      expect(text).toContain('<dc:language><rdf:Bag><rdf:li>');
      expect(text).toContain('<xmp:CreateDate>2026-06-15T09:00:00Z</xmp:CreateDate>');
      expect(text).toContain(snapshot.signOff?.inspector.name ?? 'missing');
      expect(qpdfCheck(report.bytes).status).toBe(0);
    });
  }
});

describe('buildReportPdf layout', () => {
  const PT = 72 / 25.4;
  /** The lines of a page as pdftotext -bbox places them: words joined by their line's top. */
  function pageLines(bytes: Uint8Array): Map<number, { top: number; text: string }[]> {
    const byPage = new Map<number, Map<number, string[]>>();
    for (const w of words(bytes).words) {
      const page = byPage.get(w.page) ?? new Map<number, string[]>();
      const top = Math.round(w.yMin);
      const key = [...page.keys()].find((k) => Math.abs(k - top) <= 2) ?? top;
      page.set(key, [...(page.get(key) ?? []), w.text]);
      byPage.set(w.page, page);
    }
    return new Map(
      [...byPage].map(([p, lines]) => [
        p,
        [...lines].sort((a, b) => a[0] - b[0]).map(([top, ws]) => ({ top, text: ws.join(' ') })),
      ]),
    );
  }

  for (const language of ['en', 'zh'] as const) {
    it(`never leaves a heading alone at a page's foot, and says "continued" atop continued pages (${language})`, () => {
      const s = language === 'en' ? EN : ZH;
      const snapshot = makeDemoAudit({ seed: 11, now, photos, language, deviceCount: 160 });
      const report = build(snapshot);
      const lines = pageLines(report.bytes);
      const headings = [
        ...snapshot.rooms.map((r) => r.name),
        s.findingChanges,
        s.inventoryChanges,
        s.keyRisks,
        s.countsTitle,
        s.method,
        s.limits,
        s.datesAndPlaces,
        s.conformityByRoom,
        s.notCheckedItems,
        s.conclusions,
        s.followUp,
        s.distribution,
      ];
      const contentTop = 18 * PT; // below the running header
      const footRoom = (276 - 12) * PT; // a heading needs this much page left under it
      for (const [page, list] of lines) {
        if (page === 1) continue; // the cover and its contents list
        const content = list.filter((l) => l.top > contentTop && l.top < 276 * PT);
        for (const l of content) {
          if (headings.some((h) => l.text.replace(/\s+/g, '').startsWith(squash(h)))) {
            expect(l.top, `page ${page}: "${l.text}"`).toBeLessThan(footRoom);
          }
        }
        // Each page starts with a section heading or says which section it continues.
        const first = content[0]?.text ?? '';
        const continued = language === 'en' ? '(continued)' : '（续）';
        const isSection =
          report.pageCount > 0 &&
          [
            s.sectionSummary,
            s.sectionScope,
            s.sectionConformity,
            s.sectionConclusions,
            s.sectionComparison,
            s.sectionFindings,
            s.sectionRemediation,
            s.appendixInventory,
            s.appendixSanitization,
            s.appendixReconciliation,
            s.appendixPhotos,
            s.sectionSignOff,
          ].some((t) => squash(first).startsWith(squash(t)));
        expect(isSection || first.includes(continued), `page ${page} starts "${first}"`).toBe(true);
      }
    }, 60_000);
  }

  it('keeps words whole in narrow columns, and lets short appendices share a page', () => {
    const snapshot = makeDemoAudit({ seed: 42, now, photos });
    expect(snapshot.devices.some((d) => d.status === 'decommissioning')).toBe(true);
    const report = build(snapshot);
    const pages = pageTexts(report.bytes);
    const text = pages.join('\n');
    expect(text).toContain('Decommissioning'); // the status column is sized for it
    expect(text).not.toMatch(/Decommissioni\s*\n\s*ng/);
    // A short appendix flows on under the end of the one before instead of starting a page of
    // its own (which appendices meet on a page depends on the inventory's length).
    const appendices = [
      EN.appendixInventory,
      EN.appendixSanitization,
      EN.appendixReconciliation,
      EN.appendixPhotos,
    ];
    const shared = pages.slice(1).filter((p) => appendices.filter((t) => p.includes(t)).length > 1);
    expect(shared.length).toBeGreaterThan(0);
  });

  it('shows moments in the time zone the audit recorded, with the offset, and the built-in checklist in Chinese', () => {
    const zh = makeDemoAudit({ seed: 42, now, photos, language: 'zh' });
    expect(zh.audit.timeZone).toBe('Asia/Shanghai');
    // The recorded zone wins over the signing computer's.
    const report = buildReportPdf(zh, {
      fonts,
      generatedAt,
      signature: null,
      fallbackTimeZone: 'America/New_York',
    });
    const text = flat(pageTexts(report.bytes).join('\n'));
    expect(text).toContain('2026年6月15日 17:00 (UTC+08:00)'); // generated 09:00 UTC
    expect(text).toContain(ZH.timeZoneRecorded('Asia/Shanghai', '+08:00'));
    expect(text).toContain('涉密机房，第 1 版');
    expect(text).not.toContain('Secure room, version');
    expect(() =>
      buildReportPdf(zh, { fonts, generatedAt, signature: null, fallbackTimeZone: 'Nowhere/Else' }),
    ).toThrow(/is not a time zone/);
  });

  it('an audit that recorded no time zone (an older record) uses the fallback and says so', () => {
    const demo = makeDemoAudit({ seed: 42, now, photos });
    const old = { ...demo, audit: { ...demo.audit, timeZone: null } };
    const text = flat(
      pageTexts(
        buildReportPdf(old, {
          fonts,
          generatedAt,
          signature: null,
          fallbackTimeZone: 'America/New_York',
        }).bytes,
      ).join('\n'),
    );
    expect(text).toContain('2026-06-15 05:00 (UTC-04:00)');
    expect(text).toContain(EN.timeZoneFallback('America/New_York', '-04:00'));
  });

  it('states what ISO 19011 asks: objectives, client, auditees, criteria, conformity, items not checked, conclusions, distribution', () => {
    const demo = makeDemoAudit({ seed: 42, now, photos });
    const model = buildReportModel(demo, generatedAt);
    const text = squash(pageTexts(build(demo).bytes).join('\n'));
    for (const value of [
      demo.audit.objectives,
      demo.audit.auditClient,
      ...demo.audit.auditees,
      ...(demo.signOff?.distribution ?? []),
      EN.conformityLine(model.conformity),
    ])
      expect(text, value).toContain(squash(value));
    // Every item not checked is named with its room and device, as many as the figures count.
    expect(model.notChecked).toHaveLength(demo.figures.results.unchecked);
    expect(model.notChecked.length).toBeGreaterThan(0);
    for (const n of model.notChecked)
      expect(text).toContain(squash(`${n.item.id}${n.item.text.en}`));
    // Key risks: the riskiest unresolved findings, not the first found: the recurring and
    // overdue high findings lead, and no medium finding comes before a high one.
    expect(model.keyRisks).toHaveLength(6);
    for (const r of model.keyRisks) expect(['open', 'in_remediation']).toContain(r.finding.status);
    const sev = model.keyRisks.map((r) => SEVERITIES.indexOf(r.finding.severity));
    expect(sev).toEqual([...sev].sort((x, y) => x - y));
    expect(model.keyRisks[0]!.overdue && !model.keyRisks[0]!.isNew).toBe(true);
  });
});
