import { formatVerifyMessage, type VerifyMessage } from '../../shared/verify/messages.ts';
import type { SignatureReport } from '../../shared/verify/verdict.ts';
import type { Verdict } from '../verify/verify-pdf.ts';

const en = (m: VerifyMessage) => formatVerifyMessage(m, 'en');

const KIND = {
  approval: 'signature',
  certification: 'certification signature',
  timestamp: 'document timestamp',
} as const;

/** The time a signature carries, and what vouches for it. */
function timeLine(s: SignatureReport): string | null {
  const ts = s.timestamp;
  if (ts?.intact && ts.trusted && ts.time)
    return `${ts.time} (vouched for by a trusted timestamp from ${ts.authority ?? 'an unnamed authority'})`;
  if (ts?.intact && ts.time) {
    const claimed = s.signingTime ? `${s.signingTime} (claimed by the signer); ` : '';
    return `${claimed}timestamp ${ts.time} from ${ts.authority ?? 'an unnamed authority'}, not trusted`;
  }
  if (s.signingTime) return `${s.signingTime} (claimed by the signer)`;
  return null;
}

/** The verdict as a person reads it in a terminal. */
export function verdictText(v: Verdict, file: string): string {
  const head = { valid: 'VALID', invalid: 'INVALID', indeterminate: 'INDETERMINATE' }[v.status];
  const lines = [`${file}: ${head}`, `  ${v.reason}`];
  for (const w of v.warnings) lines.push(`  Note: ${en(w)}`);
  for (const s of v.signatures) {
    const certification = s.docMdp !== null ? ` (DocMDP P=${s.docMdp})` : '';
    lines.push(
      '',
      `  Signature ${s.index + 1}${s.fieldName ? ` (${s.fieldName})` : ''}: ${s.status}, ${KIND[s.kind]}${certification}`,
    );
    if (s.signer) lines.push(`    Signer:       ${s.signer.commonName} (${s.signer.subject})`);
    if (s.signer)
      lines.push(
        `    Issuer:       ${s.signer.issuer}${s.signer.selfIssued ? ' [self-issued]' : ''}`,
      );
    if (s.signer) lines.push(`    Fingerprint:  ${s.signer.fingerprintSha256}`);
    if (s.name) lines.push(`    Name:         ${s.name}`);
    const time = timeLine(s);
    if (time) lines.push(`    Time:         ${time}`);
    if (s.timestamp && !s.timestamp.intact && s.timestamp.message)
      lines.push(`    Timestamp:    not usable: ${en(s.timestamp.message)}`);
    lines.push(
      `    Trusted:      ${s.trusted ? `yes (${s.trustedBy === 'pin' ? 'pinned certificate' : 'trust anchor'})` : 'no'}`,
    );
    lines.push(
      `    Covers:       ${s.revision ? `revision ${s.revision} of ${v.revisions}` : 'no revision of the file'}${s.coversWholeFile ? ' (the whole file)' : ''}`,
    );
    if (s.status !== 'valid') lines.push(`    Why:          ${s.reason}`);
    if (s.revision !== null) {
      if (s.laterChanges.length === 0) lines.push('    Later changes: none');
      else {
        lines.push('    Later changes:');
        for (const c of s.laterChanges)
          lines.push(
            `      - revision ${c.revision}: ${en(c.message)} [${c.permitted ? 'permitted' : 'NOT PERMITTED'}]`,
          );
      }
    }
  }
  if (v.snapshot) {
    const f = v.snapshot.findings;
    lines.push(
      '',
      `  Embedded audit: ${v.snapshot.title || v.snapshot.auditId} (as signature ${v.snapshotSignature} signed it)`,
      `    Site: ${v.snapshot.site}; rooms: ${v.snapshot.rooms.join(', ')}`,
      `    Devices: ${v.snapshot.devices}; findings: ${f.high} high, ${f.medium} medium, ${f.low} low (${v.snapshot.openFindings} unresolved: open or in remediation)`,
    );
  } else if (v.snapshotProblem && v.signatures.length > 0) {
    lines.push('', `  Embedded audit: none shown (${en(v.snapshotProblem)})`);
  }
  if (v.snapshotReplaced && v.snapshotSignature !== null)
    lines.push(`  Note: ${en({ code: 'snapshot_replaced', params: { n: v.snapshotSignature } })}`);
  return lines.join('\n');
}

/** Exit codes of verify and extract: 0 valid and trusted, 1 invalid, 2 indeterminate, 3 unreadable. */
export function verdictExitCode(v: Verdict): number {
  if (v.code === 'not_pdf') return 3;
  return v.status === 'valid' ? 0 : v.status === 'invalid' ? 1 : 2;
}
