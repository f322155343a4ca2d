import type { Severity } from '../domain/enums.ts';
import { AGE_BUCKETS, type AgeBucket, type Overview } from '../hub/overview.ts';
import type { ScheduleStatus } from '../audit/schedule.ts';
import { COLORS, ReportCanvas, type ReportFonts } from './pdf-canvas.ts';
import type { Lang } from '../i18n/lang.ts';
import { REPORT_STRINGS } from './strings.ts';

// The manager's overview as a PDF, laid out with the report's canvas (embedded Noto fonts,
// every character shown or listed) and then signed in main like a report. Its words live here
// in both languages, typed so a missing one fails to compile.

type OverviewStrings = {
  title: string;
  scope: (site: string | null) => string;
  generated: (at: string) => string;
  figures: (rooms: number, overdue: number, never: number, awaiting: number) => string;
  rooms: string;
  cols: { site: string; room: string; last: string; next: string; status: string; open: string };
  status: Record<ScheduleStatus, string>;
  findings: string;
  severity: Record<Severity, string>;
  age: Record<AgeBucket, string>;
  recurring: string;
  recurringCols: {
    finding: string;
    severity: string;
    room: string;
    sightings: string;
    first: string;
  };
  awaiting: string;
  awaitingCols: { audit: string; site: string; completed: string };
  none: string;
};

const STRINGS: Record<Lang, OverviewStrings> = {
  en: {
    title: 'Overview of all sites',
    scope: (site) => (site ? `Site: ${site}` : 'All sites'),
    generated: (at) => `Generated ${at} from the completed audits received from the hub.`,
    figures: (rooms, overdue, never, awaiting) =>
      `${rooms} rooms · ${overdue} overdue · ${never} never audited · ${awaiting} audits awaiting countersignature`,
    rooms: 'Rooms',
    cols: {
      site: 'Site',
      room: 'Room',
      last: 'Last audit',
      next: 'Next due',
      status: 'Status',
      open: 'Open H / M / L',
    },
    status: {
      never_audited: 'never audited',
      ok: 'on time',
      due_soon: 'due soon',
      overdue: 'overdue',
    },
    findings: 'Open findings by severity and age',
    severity: { high: 'High', medium: 'Medium', low: 'Low' },
    age: {
      under30: '< 30 days',
      from30: '30–89 days',
      from90: '90–179 days',
      from180: '≥ 180 days',
    },
    recurring: 'Recurring findings',
    recurringCols: {
      finding: 'Finding',
      severity: 'Severity',
      room: 'Room',
      sightings: 'Audits',
      first: 'First seen',
    },
    awaiting: 'Completed audits awaiting countersignature',
    awaitingCols: { audit: 'Audit', site: 'Site', completed: 'Completed' },
    none: 'None.',
  },
  zh: {
    title: '全部站点总览',
    scope: (site) => (site ? `站点：${site}` : '全部站点'),
    generated: (at) => `${at} 根据从数据中心收到的已完成检查生成。`,
    figures: (rooms, overdue, never, awaiting) =>
      `机房 ${rooms} 个 · 逾期 ${overdue} 个 · 从未检查 ${never} 个 · 待会签检查 ${awaiting} 次`,
    rooms: '机房',
    cols: {
      site: '站点',
      room: '机房',
      last: '上次检查',
      next: '下次到期',
      status: '状态',
      open: '未关闭 高/中/低',
    },
    status: { never_audited: '从未检查', ok: '按期', due_soon: '即将到期', overdue: '已逾期' },
    findings: '未关闭问题（按严重程度和时长）',
    severity: { high: '高', medium: '中', low: '低' },
    age: {
      under30: '不足 30 天',
      from30: '30–89 天',
      from90: '90–179 天',
      from180: '180 天及以上',
    },
    recurring: '反复出现的问题',
    recurringCols: {
      finding: '问题',
      severity: '严重程度',
      room: '机房',
      sightings: '检查次数',
      first: '首次发现',
    },
    awaiting: '待会签的已完成检查',
    awaitingCols: { audit: '检查', site: '站点', completed: '完成时间' },
    none: '无。',
  },
};

const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

export function buildOverviewPdf(
  overview: Overview,
  options: { lang: Lang; fonts: ReportFonts; siteName: string | null; generatedAt: string },
): { bytes: Uint8Array; pageCount: number } {
  const s = STRINGS[options.lang];
  const canvas = new ReportCanvas(options.fonts, REPORT_STRINGS[options.lang]);
  const width = canvas.page.right - canvas.page.left;
  const heading = (text: string) => {
    canvas.ensure(14);
    canvas.y += 3;
    canvas.paragraph(text, { size: 13, bold: true, gapAfter: 2 });
  };
  canvas.paragraph(s.title, { size: 18, bold: true, gapAfter: 1 });
  canvas.paragraph(s.scope(options.siteName), { size: 11, gapAfter: 1 });
  canvas.paragraph(s.generated(options.generatedAt), { size: 9, color: COLORS.muted });
  canvas.paragraph(
    s.figures(
      overview.rooms.length,
      overview.overdue,
      overview.neverAudited,
      overview.awaitingCountersignature.length,
    ),
    { size: 10, bold: true, gapAfter: 3 },
  );

  heading(s.rooms);
  canvas.table({
    columns: [
      { header: s.cols.site, width: width * 0.2 },
      { header: s.cols.room, width: width * 0.24 },
      { header: s.cols.last, width: width * 0.14 },
      { header: s.cols.next, width: width * 0.14 },
      { header: s.cols.status, width: width * 0.14 },
      { header: s.cols.open, width: width * 0.14, align: 'center' },
    ],
    rows: overview.rooms.map((r) => [
      r.siteName,
      r.roomName,
      r.lastAuditDate ?? '—',
      r.nextDue ?? '—',
      s.status[r.status],
      `${r.open.high} / ${r.open.medium} / ${r.open.low}`,
    ]),
    cellColor: (row, column) =>
      column === 4 && overview.rooms[row]?.status === 'overdue' ? COLORS.high : null,
  });

  heading(s.findings);
  canvas.table({
    columns: [
      { header: '', width: width * 0.2, bold: true },
      ...AGE_BUCKETS.map((b) => ({
        header: s.age[b],
        width: width * 0.2,
        align: 'center' as const,
      })),
    ],
    rows: SEVERITIES.map((sev) => [
      s.severity[sev],
      ...AGE_BUCKETS.map((b) => String(overview.openBySeverityAndAge[sev][b])),
    ]),
  });

  heading(s.recurring);
  if (overview.recurring.length === 0) canvas.paragraph(s.none);
  else
    canvas.table({
      columns: [
        { header: s.recurringCols.finding, width: width * 0.38 },
        { header: s.recurringCols.severity, width: width * 0.12 },
        { header: s.recurringCols.room, width: width * 0.26 },
        { header: s.recurringCols.sightings, width: width * 0.1, align: 'center' },
        { header: s.recurringCols.first, width: width * 0.14 },
      ],
      rows: overview.recurring.map((f) => [
        f.title,
        s.severity[f.severity],
        `${f.siteName} · ${f.roomName}`,
        String(f.sightings),
        f.firstSeen,
      ]),
    });

  heading(s.awaiting);
  if (overview.awaitingCountersignature.length === 0) canvas.paragraph(s.none);
  else
    canvas.table({
      columns: [
        { header: s.awaitingCols.audit, width: width * 0.5 },
        { header: s.awaitingCols.site, width: width * 0.3 },
        { header: s.awaitingCols.completed, width: width * 0.2 },
      ],
      rows: overview.awaitingCountersignature.map((a) => [
        a.title,
        a.siteName,
        a.completedAt.slice(0, 10),
      ]),
    });
  return { bytes: canvas.output(), pageCount: canvas.pageCount() };
}
