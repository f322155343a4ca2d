// Display forms for certificates and files on the reports screens.

const pad = (n: number) => String(n).padStart(2, '0');

/** Local date and time, "2026-11-27 09:41"; an unreadable value is shown as it came. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatDate(iso: string | null | undefined): string {
  return formatDateTime(iso).slice(0, 10);
}

/** "AB:CD:…" in groups, as certificate viewers (and pdfsig, certutil) show fingerprints. */
export function formatFingerprint(hex: string): string {
  const clean = hex.replaceAll(':', '').toUpperCase();
  return (clean.match(/.{1,2}/g) ?? []).join(':');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export type Validity = 'valid' | 'expired' | 'not-yet';

export function validityAt(
  cert: { notBefore: string; notAfter: string },
  now: Date = new Date(),
): Validity {
  if (Date.parse(cert.notAfter) < now.getTime()) return 'expired';
  if (Date.parse(cert.notBefore) > now.getTime()) return 'not-yet';
  return 'valid';
}
