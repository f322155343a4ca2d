import type { Audit, Device, Finding, Rack, Room } from '../../../../shared/domain/schemas.ts';
import { blankDevice } from '../../../../shared/domain/device-fields.ts';
import { firstSighting } from '../../../../shared/findings/findings.ts';

// Minimal valid domain records for the shared-logic tests; each test overrides what it is about.

const T0 = '2026-01-01T00:00:00.000Z';

export function makeDevice(overrides: Partial<Device> = {}): Device {
  return {
    ...blankDevice('site-1', 'room-1'),
    id: 'dev-1',
    name: 'Device',
    classification: 'secret',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function makeRoom(overrides: Partial<Room> = {}): Room {
  return {
    id: 'room-1',
    siteId: 'site-1',
    name: 'Room 1',
    building: '',
    floor: '',
    classification: 'secret',
    auditIntervalDays: 90,
    notes: '',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function makeRack(overrides: Partial<Rack> = {}): Rack {
  return {
    id: 'rack-1',
    roomId: 'room-1',
    name: 'A01',
    heightU: 42,
    walkOrder: 0,
    notes: '',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function makeAudit(overrides: Partial<Audit> = {}): Audit {
  return {
    id: 'audit-1',
    siteId: 'site-1',
    roomIds: ['room-1'],
    title: 'Audit',
    templateId: 'builtin-secure-room',
    templateVersion: 1,
    inspectors: ['Inspector'],
    status: 'completed',
    startedAt: T0,
    completedAt: T0,
    priorAuditId: null,
    reopenLog: [],
    cursor: null,
    createdAt: T0,
    updatedAt: T0,
    objectives: '',
    auditClient: '',
    auditees: [],
    timeZone: 'UTC',
    ...overrides,
  };
}

export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  const id = overrides.id ?? 'finding-1';
  const auditId = overrides.firstSeenAuditId ?? overrides.auditId ?? 'audit-1';
  return {
    id,
    auditId: 'audit-1',
    roomId: 'room-1',
    deviceId: 'dev-1',
    itemId: 'D1',
    severity: 'high',
    severityChanges: [],
    title: 'Finding',
    detail: '',
    remediation: '',
    owner: '',
    dueDate: null,
    status: 'open',
    statusReason: '',
    firstSeenAuditId: 'audit-1',
    firstSeenAt: T0,
    ...firstSighting(id, auditId, overrides.firstSeenAt ?? T0),
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}
