import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appendUpdate } from '../../signing/support/forge.ts';
import { fillPlaceholder, run } from './world.ts';

// Documents other tools write, signed in ways other tools sign, for the committed fixtures
// (test/fixtures/verify/generate.ts) and for tests that build theirs at run time: a base
// document with prepared fields (pikepdf), a signature by openssl cms in a prepared field, and
// incremental updates written through pikepdf (test/fixtures/verify/pikepdf_update.py).

const UPDATE_SCRIPT = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../fixtures/verify/pikepdf_update.py',
);

/**
 * Writes `fields.pdf` in `dir` with pikepdf: one page, two empty signature fields (Sig1, Sig2)
 * and a text field (Note), each with its widget on the page.
 */
export function fieldsDocument(dir: string): void {
  run(dir, '/usr/bin/python3', [
    '-c',
    `
import pikepdf
pdf = pikepdf.new()
pdf.add_blank_page(page_size=(300, 144))
page = pdf.pages[0]
page.Contents = pdf.make_stream(b"BT /F1 18 Tf 20 60 Td (Roomcheck fixture) Tj ET")
page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)))
pdf.trailer.Info = pdf.make_indirect(pikepdf.Dictionary(Title=pikepdf.String("Fixture"), Producer=pikepdf.String("pikepdf")))
sigs = [pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, FT=pikepdf.Name.Sig, T=pikepdf.String(name), Rect=[0, 0, 0, 0], F=132, P=page.obj)) for name in ("Sig1", "Sig2")]
note = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, FT=pikepdf.Name.Tx, T=pikepdf.String("Note"), Rect=[20, 10, 220, 30], F=4, P=page.obj, DA=pikepdf.String("/Helv 12 Tf 0 g")))
page.Annots = pdf.make_indirect(sigs + [note])
pdf.Root.AcroForm = pdf.make_indirect(pikepdf.Dictionary(Fields=sigs + [note], SigFlags=3, DA=pikepdf.String("/Helv 0 Tf 0 g")))
pdf.save("fields.pdf", static_id=True)
`,
  ]);
}

/**
 * Signs field Sig1 of `input` in an incremental update with the signature dictionary `dict`;
 * `catalogExtra` goes into the catalog and `fieldExtra` into the field ("SIG" in either stands
 * for the signature dictionary's object number).
 */
export function signField(
  input: Uint8Array,
  dict: string,
  sign: (data: Buffer) => Uint8Array,
  catalogExtra = '',
  fieldExtra = '',
): Uint8Array {
  const text = Buffer.from(input).toString('latin1');
  const sigNum = Number([...text.matchAll(/\/Size (\d+)/g)].pop()![1]);
  const withSig = (s: string) => s.replace('SIG', String(sigNum));
  const objectText = (num: number) => {
    const at = text.search(new RegExp(`(^|\\n)${num} 0 obj`));
    return /obj\s*(<<[\s\S]*?>>)\s*endobj/.exec(text.slice(at))![1]!;
  };
  const fieldNum = Number(/(\d+) 0 obj\s*<<[^>]*\/T \(Sig1\)/.exec(text)![1]);
  const objects = [
    { num: sigNum, body: dict },
    {
      num: fieldNum,
      body: `${objectText(fieldNum).slice(0, -2)} /V ${sigNum} 0 R${withSig(fieldExtra)}>>`,
    },
  ];
  if (catalogExtra) {
    const rootNum = Number(/\/Root (\d+) 0 R/.exec(text)![1]);
    objects.push({
      num: rootNum,
      body: `${objectText(rootNum).slice(0, -2)} ${withSig(catalogExtra)}>>`,
    });
  }
  return fillPlaceholder(appendUpdate(input, objects), input.length, sign);
}

/**
 * A detached CMS signature by openssl cms with `signer`.pem/.key in `dir`, the chain's root in
 * `root.pem`; `opts` are further openssl cms options.
 */
export const cmsSigner =
  (dir: string, signer: string, ...opts: string[]) =>
  (data: Buffer): Uint8Array => {
    writeFileSync(join(dir, 'data.bin'), data);
    run(dir, 'openssl', [
      'cms',
      '-sign',
      '-binary',
      '-in',
      'data.bin',
      '-signer',
      `${signer}.pem`,
      '-inkey',
      `${signer}.key`,
      '-certfile',
      'root.pem',
      '-outform',
      'DER',
      '-out',
      'sig.der',
      ...opts,
    ]);
    return readFileSync(join(dir, 'sig.der'));
  };

/** Appends an incremental update written through pikepdf (see pikepdf_update.py's operations). */
export function pikepdfUpdate(dir: string, input: Uint8Array, ...op: string[]): Uint8Array {
  writeFileSync(join(dir, 'update-in.pdf'), input);
  run(dir, '/usr/bin/python3', [UPDATE_SCRIPT, 'update-in.pdf', 'update-out.pdf', ...op]);
  return new Uint8Array(readFileSync(join(dir, 'update-out.pdf')));
}

/** The /Reference entry of a signature dictionary that certifies with DocMDP level `p`. */
export const docMdpReference = (p: 1 | 2 | 3) =>
  ` /Reference [<</Type /SigRef /TransformMethod /DocMDP /TransformParams <</Type /TransformParams /P ${p} /V /1.2>>>>]`;
