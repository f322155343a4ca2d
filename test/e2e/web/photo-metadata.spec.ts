import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  exifTags,
  makeTaggedPhotos,
  missingPhotoTools,
  PYTHON,
} from '../../unit/shared/evidence/support/tagged-photos.ts';
import { missingJudges } from '../../unit/main/signing/support/judges.ts';
import { expect, test } from './fixtures.ts';
import { createSelfIssued, signOnlyAudit } from './reports-flow.ts';
import { startSmallAudit } from './walk-helpers.ts';

// Photos from a phone carry where they were taken. Attached to a finding, they are stored,
// signed into the report and embedded in its audit.json without any of it: the stored bytes,
// the report's images and the embedded record are judged by ExifTool. The phone held the camera
// sideways (orientation 6): the stored picture is turned upright, as Pillow would show it.

const SHOTS = 'test-results/screens';
const skip = missingPhotoTools() ?? missingJudges('pdfdetach', 'pdfimages');
if (skip) console.warn(`[photo metadata e2e] skipped: ${skip}`);

/** What ExifTool must not find in any photo that left the attach step. */
const LEAKS =
  /GPS|39 deg|116 deg|RoomcheckTestPhone|Test Camera|SN12345|Inspector Li|secret-room|room 3|Thumbnail|XMP|IPTC|Orientation/;

function expectClean(path: string): void {
  const tags = exifTags(path);
  const leaked = Object.entries(tags).filter(([k, v]) => LEAKS.test(`${k} ${String(v)}`));
  expect(leaked, `metadata left in ${path}`).toEqual([]);
}

async function storedPhotos(page: Page): Promise<{ fileName: string; base64: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ fileName: string; base64: string }[]>((resolve, reject) => {
        const open = indexedDB.open('roomcheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('evidence').objectStore('evidence').getAll();
          req.onsuccess = async () => {
            open.result.close();
            const rows = req.result as { fileName: string; blob: Blob }[];
            const out = [];
            for (const r of rows) {
              const bytes = new Uint8Array(await r.blob.arrayBuffer());
              let text = '';
              for (const b of bytes) text += String.fromCharCode(b);
              out.push({ fileName: r.fileName, base64: btoa(text) });
            }
            resolve(out);
          };
        };
      }),
  );
}

test('photos lose their location and camera details when attached, and reports carry none', async ({
  app: page,
  outside,
}, testInfo) => {
  test.skip(skip !== null, skip ?? '');
  test.setTimeout(240_000);
  const phone = makeTaggedPhotos(6, 64, 48);
  const work = testInfo.outputPath('photos');
  mkdirSync(work, { recursive: true });

  await startSmallAudit(page, 3);
  await page.keyboard.press('f');
  await page.keyboard.type('Camera platform still holds factory passwords');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Findings' }).click();
  const detail = page.locator('.finding-detail');
  const picker = detail.getByLabel(/Drop JPEG, PNG or WebP photos/);

  await picker.setInputFiles([phone.tagged('jpg'), phone.tagged('png')]);
  const notes = detail.getByRole('status');
  await expect(notes).toContainText(
    'tagged.jpg: removed where it was taken (GPS), camera and shooting details (EXIF), embedded preview images, XMP metadata, IPTC captions and keywords, text comments before storing it.',
  );
  await expect(notes).toContainText('tagged.jpg: turned upright, as the camera recorded it.');
  await expect(notes).toContainText('tagged.png: removed where it was taken (GPS)');
  await expect(detail.getByRole('img', { name: 'Photo tagged.png' })).toBeVisible();
  await detail.screenshot({ path: join(SHOTS, 'photo-metadata-en.png') });

  await page.getByLabel('Language').selectOption('zh');
  await detail.getByLabel(/将 JPEG、PNG 或 WebP 照片拖到此处/).setInputFiles(phone.tagged('webp'));
  await expect(detail.getByRole('status')).toContainText(
    'tagged.webp：保存前已移除拍摄位置（GPS）、相机与拍摄信息（EXIF）、XMP 元数据。',
  );
  await expect(detail.getByRole('status')).toContainText('tagged.webp：已按相机记录的方向摆正。');
  await expect(detail.getByRole('img', { name: '照片 tagged.webp' })).toBeVisible();
  await detail.screenshot({ path: join(SHOTS, 'photo-metadata-zh.png') });
  await page.getByLabel('语言').selectOption('en');

  // What is stored: no metadata, turned upright (48 wide, 64 high), looking as Pillow shows
  // the tagged photo once it applies the orientation.
  const stored = await storedPhotos(page);
  expect(stored.map((s) => s.fileName).sort()).toEqual(['tagged.jpg', 'tagged.png', 'tagged.webp']);
  for (const photo of stored) {
    const path = join(work, `stored-${photo.fileName}`);
    writeFileSync(path, Buffer.from(photo.base64, 'base64'));
    expectClean(path);
    const ext = photo.fileName.split('.').pop()!;
    const difference = execFileSync(
      PYTHON,
      [
        '-c',
        `import sys
from PIL import Image, ImageOps, ImageChops, ImageStat
a = ImageOps.exif_transpose(Image.open(sys.argv[1])).convert('RGB')
b = Image.open(sys.argv[2]).convert('RGB')
assert a.size == b.size == (48, 64), (a.size, b.size)
print(max(ImageStat.Stat(ImageChops.difference(a, b)).mean))`,
        phone.tagged(ext as 'jpg'),
        path,
      ],
      { encoding: 'utf8' },
    );
    // Lossy re-encoding moves a few levels; a wrong turn would move most pixels by ~100.
    expect(Number(difference), photo.fileName).toBeLessThan(6);
  }

  // Complete the audit and sign its report: neither the report's images nor its audit.json
  // carry any of it.
  await page.getByRole('button', { name: 'Summary', exact: true }).click();
  await page.getByRole('button', { name: 'Complete audit' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Complete audit' }).click();
  await expect(page.getByText('Completed', { exact: true }).first()).toBeVisible();
  await createSelfIssued(page, 'Wang Fang');
  const { bytes } = await signOnlyAudit(page, /Wang Fang/);
  const pdf = join(work, 'report.pdf');
  writeFileSync(pdf, bytes);

  execFileSync('pdfdetach', ['-save', '1', '-o', join(work, 'audit.json'), pdf]);
  const snapshot = JSON.parse(readFileSync(join(work, 'audit.json'), 'utf8')) as {
    evidence: { fileName: string; dataBase64: string | null }[];
  };
  expect(snapshot.evidence).toHaveLength(3);
  for (const e of snapshot.evidence) {
    const path = join(work, `embedded-${e.fileName}`);
    writeFileSync(path, Buffer.from(e.dataBase64!, 'base64'));
    expectClean(path);
  }
  execFileSync('pdfimages', ['-all', pdf, join(work, 'page-image')]);
  const images = readdirSync(work).filter((f) => f.startsWith('page-image'));
  expect(images.length).toBeGreaterThanOrEqual(3);
  for (const image of images) expectClean(join(work, image));
  expect(outside).toEqual([]);
});
