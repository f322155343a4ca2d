import { jsPDF } from 'jspdf';
import { makeDemoAudit } from '../../../../../shared/demo/demo-audit.ts';
import type { AuditSnapshot } from '../../../../../shared/snapshot/schema.ts';
import { loadDemoPhotos } from '../../../../../main/report/demo-assets.ts';
import type { SignatureInfo } from '../../../../../main/signing/signature-dictionary.ts';

// Small inputs for the signing tests: a realistic demo snapshot (with its two photos) and a
// two-page jsPDF document standing in for the laid-out report.

export const NOW = new Date();

let snapshot: AuditSnapshot | undefined;
export function demoSnapshot(): AuditSnapshot {
  snapshot ??= makeDemoAudit({ seed: 7, now: NOW, photos: loadDemoPhotos() });
  return snapshot;
}

export function samplePdf(
  lines: string[] = ['Roomcheck audit report', 'Finding F-001: camera platform'],
): Uint8Array {
  const doc = new jsPDF();
  lines.forEach((line, i) => doc.text(line, 20, 20 + i * 10));
  doc.addPage();
  doc.text('Sign-off', 20, 20);
  return new Uint8Array(doc.output('arraybuffer'));
}

export function info(
  name = 'Inspector One',
  overrides: Partial<SignatureInfo> = {},
): SignatureInfo {
  return {
    name,
    reason: 'Security audit report',
    location: 'Secure room 3',
    contactInfo: 'security@example.org',
    signingTime: new Date(),
    ...overrides,
  };
}
