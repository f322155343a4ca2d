import { z } from 'zod';

// Closed vocabularies of the domain (DOMAIN.md). Display names live in the i18n layers;
// these values are what is stored, exported and signed, so they never change once released.

export const DEVICE_TYPES = [
  'server',
  'virtualization_host',
  'storage',
  'switch',
  'router',
  'firewall',
  'wireless',
  'vpn_crypto',
  'console_kvm',
  'pdu_ups_sensor',
  'ip_camera',
  'nvr_vms',
  'access_control',
  'workstation',
  'printer_mfp',
  'loose_media',
  'other',
] as const;
export const DeviceType = z.enum(DEVICE_TYPES);
export type DeviceType = z.infer<typeof DeviceType>;

/** Types whose failures on firmware support are High (F1) and that carry network trust. */
export const NETWORK_SECURITY_TYPES: readonly DeviceType[] = [
  'switch',
  'router',
  'firewall',
  'wireless',
  'vpn_crypto',
  'console_kvm',
];

export const LIFECYCLE_STATUSES = [
  'planned',
  'active',
  'idle',
  'offline',
  'decommissioning',
  'awaiting_sanitization',
  'sanitized',
  'disposed',
  'stored_spare',
  'missing',
  'failed',
] as const;
export const LifecycleStatus = z.enum(LIFECYCLE_STATUSES);
export type LifecycleStatus = z.infer<typeof LifecycleStatus>;

export const TriState = z.enum(['yes', 'no', 'unknown']);
export type TriState = z.infer<typeof TriState>;

export const PowerState = z.enum(['on', 'off', 'unknown']);
export type PowerState = z.infer<typeof PowerState>;

export const NetworkState = z.enum(['connected', 'disconnected', 'unknown']);

/** How it is known when a device was last seen in use: its last login, or its last traffic. */
export const LastSeenSource = z.enum(['login', 'traffic', 'unknown']);
export type LastSeenSource = z.infer<typeof LastSeenSource>;
export type NetworkState = z.infer<typeof NetworkState>;

export const MANAGEMENT_INTERFACE_KINDS = [
  'bmc',
  'ilo',
  'idrac',
  'ipmi',
  'kvm_ip',
  'console_server',
  'web_admin',
  'other',
] as const;
export const ManagementInterfaceKind = z.enum(MANAGEMENT_INTERFACE_KINDS);
export type ManagementInterfaceKind = z.infer<typeof ManagementInterfaceKind>;

export const MEDIA_KINDS = [
  'hdd',
  'ssd',
  'nvme',
  'flash',
  'sd_card',
  'tape',
  'optical',
  'usb',
  'other',
] as const;
export const MediaKind = z.enum(MEDIA_KINDS);
export type MediaKind = z.infer<typeof MediaKind>;

export const SanitizationMethod = z.enum(['clear', 'purge', 'destroy']);
export type SanitizationMethod = z.infer<typeof SanitizationMethod>;

/** DISA CAT I / II / III. */
export const SEVERITIES = ['high', 'medium', 'low'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const AnswerResult = z.enum(['pass', 'fail', 'na', 'unchecked']);
export type AnswerResult = z.infer<typeof AnswerResult>;

export const FINDING_STATUSES = ['open', 'in_remediation', 'closed', 'risk_accepted'] as const;
export const FindingStatus = z.enum(FINDING_STATUSES);
export type FindingStatus = z.infer<typeof FindingStatus>;

export const AUDIT_STATUSES = ['draft', 'in_progress', 'completed', 'signed'] as const;
export const AuditStatus = z.enum(AUDIT_STATUSES);
export type AuditStatus = z.infer<typeof AuditStatus>;

export const ReconciliationState = z.enum(['found', 'not_found', 'unexpected', 'wrong_location']);
export type ReconciliationState = z.infer<typeof ReconciliationState>;

export const CLASSIFICATIONS = [
  'unclassified',
  'internal',
  'confidential',
  'secret',
  'top_secret',
] as const;
export const Classification = z.enum(CLASSIFICATIONS);
export type Classification = z.infer<typeof Classification>;

export const EVIDENCE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const EvidenceMimeType = z.enum(EVIDENCE_MIME_TYPES);
export type EvidenceMimeType = z.infer<typeof EvidenceMimeType>;
