import type { Verdict } from '../verify/verify-pdf.ts';

/** The verdict as a person reads it in a terminal. */
export function verdictText(v: Verdict, file: string): string {
  const head = { valid: 'VALID', invalid: 'INVALID', indeterminate: 'INDETERMINATE' }[v.status];
  const lines = [`${file}: ${head}`, `  ${v.reason}`];
  for (const s of v.signatures) {
    lines.push(
      '',
      `  Signature ${s.index + 1}${s.fieldName ? ` (${s.fieldName})` : ''}: ${s.status}`,
    );
    if (s.signer) lines.push(`    Signer:       ${s.signer.commonName} (${s.signer.subject})`);
    if (s.signer)
      lines.push(
        `    Issuer:       ${s.signer.issuer}${s.signer.selfIssued ? ' [self-issued]' : ''}`,
      );
    if (s.signer) lines.push(`    Fingerprint:  ${s.signer.fingerprintSha256}`);
    if (s.name) lines.push(`    Name:         ${s.name}`);
    if (s.signingTime) lines.push(`    Signed at:    ${s.signingTime} (claimed by the signer)`);
    lines.push(
      `    Trusted:      ${s.trusted ? `yes (${s.trustedBy === 'pin' ? 'pinned certificate' : 'trust anchor'})` : 'no'}`,
    );
    lines.push(
      `    Covers file:  ${s.coversWholeFile ? 'whole file' : 'its revision (later revisions checked)'}`,
    );
    if (s.status !== 'valid') lines.push(`    Why:          ${s.reason}`);
  }
  if (v.snapshot) {
    const f = v.snapshot.findings;
    lines.push(
      '',
      `  Embedded audit: ${v.snapshot.title || v.snapshot.auditId}`,
      `    Site: ${v.snapshot.site}; rooms: ${v.snapshot.rooms.join(', ')}`,
      `    Devices: ${v.snapshot.devices}; findings: ${f.high} high, ${f.medium} medium, ${f.low} low (${v.snapshot.openFindings} unresolved: open or in remediation)`,
    );
  } else if (v.snapshotProblem && v.signatures.length > 0) {
    lines.push('', `  Embedded audit: none (${v.snapshotProblem})`);
  }
  return lines.join('\n');
}

/** Exit codes of verify and extract: 0 valid and trusted, 1 invalid, 2 indeterminate, 3 unreadable. */
export function verdictExitCode(v: Verdict): number {
  if (v.code === 'not_pdf') return 3;
  return v.status === 'valid' ? 0 : v.status === 'invalid' ? 1 : 2;
}
