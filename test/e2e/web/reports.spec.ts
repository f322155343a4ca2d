import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  missingJudges,
  pdfsig,
  pdfsigBlocks,
  pdftotext,
  writeTemp,
} from '../../unit/main/signing/support/judges.ts';
import { P12_PASSPHRASE, testPki } from '../../unit/main/signing/support/pki.ts';
import { expect, test } from './fixtures.ts';
import {
  completeSmallAudit,
  createSelfIssued,
  expectNoSeriousA11yViolations,
  fillSubjectAndPassphrase,
  KEY_PASSPHRASE,
  openNav,
  signOnlyAudit,
  verifyFile,
  dropOnVerify,
  AUDIT_BRIEF,
} from './reports-flow.ts';

const pdf = (name: string, bytes: Uint8Array) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(bytes),
});

test('self-issued identity: sign a completed audit, download, pdfsig agrees, verify is untrusted until pinned, one changed byte is invalid', async ({
  app: page,
  outside,
}) => {
  test.setTimeout(180_000);
  await completeSmallAudit(page);
  await createSelfIssued(page, 'Wang Fang');
  const card = page.getByRole('listitem').filter({ hasText: 'Wang Fang' });
  await expect(card.getByText('Self-issued', { exact: true })).toBeVisible();
  await expect(card.getByText(/emailAddress=inspector@example\.org/)).toBeVisible();
  await expect(card.getByText(/[0-9A-F]{2}(:[0-9A-F]{2}){31}/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Signing identities');

  const { bytes, download } = await signOnlyAudit(page, /Wang Fang/);
  expect(download.suggestedFilename()).toMatch(/^RC-\d{8}-[0-9A-F]{6}-v1\.pdf$/);
  expect(new TextDecoder('latin1').decode(bytes.subarray(0, 5))).toBe('%PDF-');
  // Right after signing, the screen shows main's own verification: intact, not yet trusted.
  await expect(page.locator('.signed-panel .verdict')).toHaveAttribute(
    'data-status',
    'indeterminate',
  );
  await expect(page.locator('.signed-panel .verdict')).toHaveAttribute('data-code', 'untrusted');
  await expectNoSeriousA11yViolations(page, 'Sign the audit report (signed)');
  // The audit is now signed, and the Reports list shows the report.
  await openNav(page, 'Reports');
  const row = page.getByRole('row').filter({ hasText: 'Server room 3 机房' });
  await expect(row.getByText('Signed', { exact: true })).toBeVisible();
  await expect(row.getByText(/RC-\d{8}-[0-9A-F]{6} v1/)).toBeVisible();
  await expect(row.getByRole('button', { name: /^Sign the report of / })).toHaveText(
    'Sign new version…',
  );

  const skip = missingJudges('pdfsig');
  if (skip) console.log(`pdfsig check skipped: ${skip}`);
  else {
    const out = pdfsig(writeTemp(bytes, 'self-issued.pdf'), testPki().nssDir).out;
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Total document signed');
    // The brief entered at the start and the distribution list entered when signing are printed.
    const text = pdftotext(writeTemp(bytes, 'brief.pdf')).replace(/\s+/g, '');
    for (const value of [
      AUDIT_BRIEF.objectives,
      AUDIT_BRIEF.auditClient,
      ...AUDIT_BRIEF.auditees,
      ...AUDIT_BRIEF.distribution,
    ])
      expect(text, value).toContain(value.replace(/\s+/g, ''));
  }

  // Dropped on the zone, as from a file manager.
  let result = await dropOnVerify(page, 'report.pdf', bytes);
  await expect(result.locator('.verdict')).toHaveAttribute('data-status', 'indeterminate');
  await expect(
    result.getByText('Not confirmed: intact, but the signer is not trusted'),
  ).toBeVisible();
  await expect(result.getByText('Not trusted on this computer', { exact: true })).toBeVisible();
  await expect(result.getByText('Signature 1 of 1 · signature')).toBeVisible();
  // The embedded audit record's summary.
  const record = result.getByRole('region', { name: 'Audit recorded in this report' });
  await expect(record.getByText('Beijing HQ 北京总部')).toBeVisible();
  await expect(record.getByText('Server room 3 机房', { exact: true })).toBeVisible();
  await expect(record.locator('dd').filter({ hasText: /^Wang Fang$/ })).toBeVisible();
  await expect(record.getByText('High 1')).toBeVisible();
  await expect(record.getByText('Medium 0')).toBeVisible();
  await expect(record.locator('div').filter({ hasText: /^Devices1$/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Verify a report (indeterminate)');

  // Pinning the inspector's own certificate makes the same file valid on this computer.
  await openNav(page, 'Signing identities');
  await page.getByRole('button', { name: 'Trust on this computer' }).click();
  await expect(page.getByText('Trusted here (pinned)')).toBeVisible();
  result = await verifyFile(page, pdf('report.pdf', bytes));
  await expect(result.locator('.verdict')).toHaveAttribute('data-status', 'valid');
  await expect(result.getByText('Valid: signed, unchanged and trusted')).toBeVisible();
  await expect(result.getByText('Trusted: pinned certificate')).toBeVisible();

  // One changed byte inside the signed range (the binary comment after the header).
  const forged = bytes.slice();
  expect(forged[9]).toBe('%'.charCodeAt(0));
  forged[10] = forged[10]! ^ 0x01;
  result = await verifyFile(page, pdf('forged.pdf', forged));
  await expect(result.locator('.verdict')).toHaveAttribute('data-status', 'invalid');
  await expect(result.getByText('Invalid: do not rely on this report')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Verify a report (invalid)');
  if (!skip) {
    const out = pdfsig(writeTemp(forged, 'forged.pdf'), testPki().nssDir).out;
    expect(out).not.toContain('Signature is Valid.');
  }
  expect(outside).toEqual([]);
});

test("organisation PKI: key + CSR, certificate issued by a test CA, CA imported as trust anchor; signed report is valid and trusted; an approver's PKCS#12 countersigns", async ({
  app: page,
  outside,
}) => {
  test.setTimeout(240_000);
  const skip = missingJudges('openssl', 'pdfsig', 'certutil');
  test.skip(!!skip, skip ?? '');
  const pki = testPki();
  await completeSmallAudit(page);

  // Key + request.
  await openNav(page, 'Signing identities');
  await page.getByRole('button', { name: 'Request certificate from CA' }).click();
  await fillSubjectAndPassphrase(page, { name: 'Li Wei', organisation: 'Security Office' });
  await page.getByRole('dialog').getByRole('button', { name: 'Create key and request' }).click();
  await expect(page.getByRole('heading', { name: 'Certificate request created' })).toBeVisible();
  const [csrDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog').getByRole('button', { name: 'Download request (.csr)' }).click(),
  ]);
  expect(csrDownload.suggestedFilename()).toMatch(/\.csr$/);
  const csrPem = await readFile(await csrDownload.path(), 'utf8');
  expect(csrPem).toContain('-----BEGIN CERTIFICATE REQUEST-----');
  await expectNoSeriousA11yViolations(page, 'CSR created dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  const card = page.getByRole('listitem').filter({ hasText: 'Li Wei' });
  await expect(card.getByText('Awaiting certificate')).toBeVisible();

  // The CA issues it; a wrong certificate (another key's) is refused first.
  const issuedPath = join(pki.dir, 'issued-li-wei.pem');
  await writeFile(issuedPath, pki.signCsr(csrPem));
  await card.getByRole('button', { name: 'Import issued certificate' }).click();
  await page
    .getByRole('dialog')
    .getByLabel('Certificate file')
    .setInputFiles(join(pki.dir, 'rsa.pem'));
  await page.getByRole('dialog').getByRole('button', { name: 'Import issued certificate' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('different key');
  await page.getByRole('dialog').getByLabel('Certificate file').setInputFiles(issuedPath);
  await page.getByRole('dialog').getByRole('button', { name: 'Import issued certificate' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(card.getByText('Issued by a CA')).toBeVisible();

  // The organisation's CA as a trust anchor; an inspector's certificate is not a CA and is refused.
  await page.getByLabel('Import CA certificate…').setInputFiles(join(pki.dir, 'rsa.pem'));
  await expect(
    page.getByRole('region', { name: 'Trusted for verification' }).getByRole('alert'),
  ).toContainText('not a CA certificate');
  await expect(page.getByText('No CA certificate imported.')).toBeVisible();
  await page.getByLabel('Import CA certificate…').setInputFiles(pki.caPath);
  await expect(page.getByText('Roomcheck Test CA').first()).toBeVisible();

  // The approver's identity from a PKCS#12 file.
  await page.getByRole('button', { name: 'Import PKCS#12' }).click();
  const p12 = page.getByRole('dialog');
  await p12.getByLabel('PKCS#12 file (.p12, .pfx)').setInputFiles(pki.rsa.p12);
  await p12.getByLabel('Passphrase of the file').fill('wrong passphrase');
  await p12.getByLabel('Name in this list (optional)').fill('Approver Zhao');
  await p12.getByLabel('Passphrase', { exact: true }).fill(KEY_PASSPHRASE);
  await p12.getByLabel('Passphrase again').fill(KEY_PASSPHRASE);
  await p12.getByRole('button', { name: 'Import PKCS#12' }).click();
  await expect(p12.getByRole('alert')).toHaveText(
    'The passphrase is wrong, or the key it protects was altered.',
  );
  await p12.getByLabel('Passphrase of the file').fill(P12_PASSPHRASE);
  await p12.getByRole('button', { name: 'Import PKCS#12' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 3, name: 'Approver Zhao' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Signing identities with a CA and a trust anchor');

  // Sign in Chinese with the CA-issued identity: valid and trusted right away.
  const { bytes } = await signOnlyAudit(page, /Li Wei/, { language: 'zh', approver: 'Zhao Min' });
  await expect(page.locator('.signed-panel .verdict')).toHaveAttribute('data-status', 'valid');
  const signedPath = writeTemp(bytes, 'ca-signed.pdf');
  const out = pdfsig(signedPath, pki.nssDir).out;
  expect(out).toContain('Signature is Valid.');
  expect(out).toContain('Certificate is Trusted.');
  expect(out).toContain('Total document signed');

  let result = await verifyFile(page, pdf('ca-signed.pdf', bytes));
  await expect(result.locator('.verdict')).toHaveAttribute('data-status', 'valid');
  await expect(result.getByText('Trusted: chains to an organisation CA')).toBeVisible();
  await expect(
    result
      .getByRole('region', { name: 'Audit recorded in this report' })
      .locator('dd')
      .filter({ hasText: /^Zhao Min$/ }),
  ).toBeVisible();

  // The approver countersigns; both signatures verify, the inspector's still covers its revision.
  await openNav(page, 'Reports');
  const cs = page.getByRole('region', { name: 'Countersign a report (approver)' });
  await cs.getByLabel('Choose the signed PDF').setInputFiles(pdf('ca-signed.pdf', bytes));
  await expect(cs.getByText('Chosen: ca-signed.pdf')).toBeVisible();
  await cs.getByLabel('Countersign as').selectOption({ label: 'Approver Zhao' });
  await cs.getByLabel('Passphrase of the key').fill(KEY_PASSPHRASE);
  await cs.getByRole('button', { name: 'Countersign', exact: true }).click();
  await expect(cs.getByRole('heading', { name: 'Countersigned' })).toBeVisible({ timeout: 60_000 });
  const [csDownload] = await Promise.all([
    page.waitForEvent('download'),
    cs.getByRole('button', { name: /^Download .*countersigned\.pdf$/ }).click(),
  ]);
  const countersigned = new Uint8Array(await readFile(await csDownload.path()));
  await expectNoSeriousA11yViolations(page, 'Reports with a countersigned result');
  const blocks = pdfsigBlocks(
    pdfsig(writeTemp(countersigned, 'countersigned.pdf'), pki.nssDir).out,
  );
  expect(blocks).toHaveLength(2);
  for (const block of blocks) expect(block).toContain('Signature is Valid.');

  result = await verifyFile(page, pdf('countersigned.pdf', countersigned));
  await expect(result.locator('.verdict')).toHaveAttribute('data-status', 'valid');
  await expect(result.getByText('Signature 1 of 2 · signature')).toBeVisible();
  await expect(result.getByText('Signature 2 of 2 · countersignature')).toBeVisible();
  await expect(result.getByText('revision 1 of 2', { exact: true })).toBeVisible();
  // What the approver's countersignature changed, listed under the inspector's signature.
  await expect(
    result
      .locator('.later-changes li')
      .filter({ hasText: 'A signature by Inspector RSA was added' }),
  ).toContainText('Permitted');

  // Removing the trust anchor (confirmed) makes the same file indeterminate again.
  await openNav(page, 'Signing identities');
  await page.getByRole('button', { name: 'Remove trust in Roomcheck Test CA' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('No CA certificate imported.')).toBeVisible();
  result = await verifyFile(page, pdf('ca-signed.pdf', bytes));
  await expect(result.locator('.verdict')).toHaveAttribute('data-status', 'indeterminate');
  expect(outside).toEqual([]);
});

test('files that are not signed reports get a clear message and nothing breaks', async ({
  app: page,
  outside,
}) => {
  test.setTimeout(90_000);
  // The file control is reachable by keyboard right after the screen's only button.
  await openNav(page, 'Verify a report');
  await page.getByRole('button', { name: 'Trusted certificates' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Choose a PDF…')).toBeFocused();

  let result = await verifyFile(page, {
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not a pdf at all'),
  });
  await expect(result.getByText('This file is not a PDF.')).toBeVisible();

  result = await verifyFile(page, {
    name: 'empty.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(0),
  });
  await expect(result.getByText('The file is empty.')).toBeVisible();

  // A PDF header followed by garbage: the verifier in main reads it and says why.
  result = await verifyFile(page, {
    name: 'broken.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage without xref\n'),
  });
  await expect(result.locator('.verdict-banner')).toContainText('This file cannot be verified');

  // Larger than the bridge accepts: refused before anything is read or sent.
  const bigPath = join(testPki().dir, 'big.pdf');
  const big = Buffer.alloc(49 * 1024 * 1024, 0x20);
  big.write('%PDF-1.7\n', 0, 'latin1');
  await writeFile(bigPath, big);
  let bridgeCalls = 0;
  page.on('request', (r) => {
    if (r.url().includes('/bridge/reportVerify')) bridgeCalls++;
  });
  result = await verifyFile(page, bigPath);
  await expect(
    result.getByText(/This file is 49\.0 MB; reports up to 48\.0 MB can be checked/),
  ).toBeVisible();
  expect(bridgeCalls).toBe(0);
  await expectNoSeriousA11yViolations(page, 'Verify a report (too large)');
  expect(outside).toEqual([]);
});
