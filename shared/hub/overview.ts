import { z } from 'zod';
import { daysBetween, dateOfTimestamp } from '../calendar/dates.ts';
import { Severity } from '../domain/enums.ts';
import type { Room, Site } from '../domain/schemas.ts';
import {
  isOpenFinding,
  roomOverview,
  SCHEDULE_STATUSES,
  type ScheduleStatus,
  type SeverityCounts,
} from '../audit/schedule.ts';
import type { AuditSnapshot } from '../snapshot/schema.ts';

// The security office's view across every site it receives from the hub: each room with its
// last audit and next due day, overdue rooms, open findings by severity and age, findings that
// keep coming back, and completed audits still awaiting a countersignature. Computed from the
// completed audits' frozen records only, so it says what the records say.

export const AGE_BUCKETS = ['under30', 'from30', 'from90', 'from180'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export const ageBucket = (days: number): AgeBucket =>
  days >= 180 ? 'from180' : days >= 90 ? 'from90' : days >= 30 ? 'from30' : 'under30';

export type OverviewRoom = {
  siteId: string;
  siteName: string;
  roomId: string;
  roomName: string;
  lastAuditDate: string | null;
  nextDue: string | null;
  status: ScheduleStatus;
  open: SeverityCounts;
};

export type RecurringFinding = {
  lineageId: string;
  title: string;
  severity: Severity;
  siteName: string;
  roomName: string;
  /** Audits that observed it. */
  sightings: number;
  firstSeen: string;
};

export type AwaitingCountersignature = {
  auditId: string;
  title: string;
  siteName: string;
  completedAt: string;
};

export type Overview = {
  rooms: OverviewRoom[];
  overdue: number;
  neverAudited: number;
  openBySeverityAndAge: Record<Severity, Record<AgeBucket, number>>;
  recurring: RecurringFinding[];
  awaitingCountersignature: AwaitingCountersignature[];
};

const Text = z.string().max(2000);
const Day = z.string().max(40);
const Count = z.number().int().min(0);
const AgesSchema = z.object({ under30: Count, from30: Count, from90: Count, from180: Count });

/** The overview as it crosses the bridge to be laid out and signed in main. */
export const OverviewSchema = z.object({
  rooms: z
    .array(
      z.object({
        siteId: Text,
        siteName: Text,
        roomId: Text,
        roomName: Text,
        lastAuditDate: Day.nullable(),
        nextDue: Day.nullable(),
        status: z.enum(SCHEDULE_STATUSES),
        open: z.object({ high: Count, medium: Count, low: Count }),
      }),
    )
    .max(20_000),
  overdue: Count,
  neverAudited: Count,
  openBySeverityAndAge: z.object({ high: AgesSchema, medium: AgesSchema, low: AgesSchema }),
  recurring: z
    .array(
      z.object({
        lineageId: Text,
        title: Text,
        severity: Severity,
        siteName: Text,
        roomName: Text,
        sightings: Count,
        firstSeen: Day,
      }),
    )
    .max(20_000),
  awaitingCountersignature: z
    .array(z.object({ auditId: Text, title: Text, siteName: Text, completedAt: Day }))
    .max(20_000),
}) satisfies z.ZodType<Overview>;

export type OverviewInput = {
  sites: readonly Site[];
  rooms: readonly Room[];
  records: readonly { snapshot: AuditSnapshot }[];
  /** Audits that have a countersigned report. */
  countersigned: ReadonlySet<string>;
  today: string;
  /** Only this site, or every site when null. */
  siteId: string | null;
};

const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];
const emptyAges = (): Record<AgeBucket, number> => ({
  under30: 0,
  from30: 0,
  from90: 0,
  from180: 0,
});

export function buildOverview(input: OverviewInput): Overview {
  const sites = input.sites.filter((s) => input.siteId === null || s.id === input.siteId);
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  const rooms = input.rooms
    .filter((r) => siteName.has(r.siteId))
    .sort(
      (a, b) =>
        (siteName.get(a.siteId) ?? '').localeCompare(siteName.get(b.siteId) ?? '') ||
        a.name.localeCompare(b.name),
    );
  const records = input.records.filter((r) => siteName.has(r.snapshot.audit.siteId));
  const audits = records.map((r) => r.snapshot.audit);
  const findings = records.flatMap((r) => r.snapshot.findings);

  const openBySeverityAndAge = Object.fromEntries(
    SEVERITIES.map((s) => [s, emptyAges()]),
  ) as Record<Severity, Record<AgeBucket, number>>;
  const recurring: RecurringFinding[] = [];
  const out: OverviewRoom[] = [];
  for (const room of rooms) {
    const view = roomOverview(room, audits, findings, input.today);
    out.push({
      siteId: room.siteId,
      siteName: siteName.get(room.siteId) ?? '',
      roomId: room.id,
      roomName: room.name,
      lastAuditDate: view.schedule.lastAuditDate,
      nextDue: view.schedule.nextDue,
      status: view.schedule.status,
      open: view.openFindings,
    });
    // The room's current findings (those of its latest audit): carried copies are not counted twice.
    for (const f of findings) {
      if (f.auditId !== view.currentAuditId || f.roomId !== room.id || !isOpenFinding(f)) continue;
      const firstSeen = dateOfTimestamp(f.firstSeenAt) ?? input.today;
      const age = daysBetween(firstSeen, input.today) ?? 0;
      openBySeverityAndAge[f.severity][ageBucket(age)] += 1;
      if (f.seenIn.length >= 2) {
        recurring.push({
          lineageId: f.lineageId,
          title: f.title,
          severity: f.severity,
          siteName: siteName.get(room.siteId) ?? '',
          roomName: room.name,
          sightings: f.seenIn.length,
          firstSeen,
        });
      }
    }
  }
  const awaitingCountersignature = records
    .filter((r) => !input.countersigned.has(r.snapshot.audit.id))
    .map((r) => ({
      auditId: r.snapshot.audit.id,
      title: r.snapshot.audit.title,
      siteName: siteName.get(r.snapshot.audit.siteId) ?? r.snapshot.site.name,
      completedAt: r.snapshot.audit.completedAt ?? r.snapshot.createdAt,
    }))
    .sort((a, b) => a.completedAt.localeCompare(b.completedAt));
  return {
    rooms: out,
    overdue: out.filter((r) => r.status === 'overdue').length,
    neverAudited: out.filter((r) => r.status === 'never_audited').length,
    openBySeverityAndAge,
    recurring: recurring.sort(
      (a, b) =>
        SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
        b.sightings - a.sightings,
    ),
    awaitingCountersignature,
  };
}
