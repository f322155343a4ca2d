import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { SignerMaterial } from '../../../../../main/signing/cms-signer.ts';
import { fillSignature } from '../../../../../main/signing/signature-dictionary.ts';
import { addSignaturePlaceholder } from '../../../../../main/signing/sign-pdf.ts';
import { PdfState } from '../../../../../main/pdf/pdf-file.ts';
import { dictGet, serialize } from '../../../../../main/pdf/pdf-syntax.ts';
import { info, samplePdf } from '../../signing/support/samples.ts';

// Hostile files from a security review, each made small and reproducible here: they must stop
// at the verification budget, with the work done staying under its limits.

const enc = new TextEncoder();

/**
 * Cross-reference streams that declare hundreds of thousands of entries each, chained through
 * /Prev: a few hundred kilobytes on disk, millions of entries to a reader that believes them.
 */
export function xrefEntryBomb(sections = 40, entriesPerSection = 300_000): Uint8Array {
  const parts: Uint8Array[] = [
    enc.encode(
      '%PDF-1.7\n1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type /Pages /Kids [] /Count 0>>\nendobj\n',
    ),
  ];
  let offset = parts[0]!.length;
  let prev: number | null = null;
  const rows = deflateSync(Buffer.alloc(entriesPerSection * 6), { level: 9 });
  for (let s = 0; s < sections; s++) {
    const num = 3 + s;
    const head = enc.encode(
      `${num} 0 obj\n<</Type /XRef /W [1 4 1] /Index [0 ${entriesPerSection}] /Size ${entriesPerSection} /Root 1 0 R /Filter /FlateDecode /Length ${rows.length}${prev === null ? '' : ` /Prev ${prev}`}>>\nstream\n`,
    );
    const tail = enc.encode('\nendstream\nendobj\n');
    parts.push(head, rows, tail);
    prev = offset;
    offset += head.length + rows.length + tail.length;
  }
  parts.push(enc.encode(`startxref\n${prev}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * `count` harmless incremental updates after a signature, each rewriting the document
 * information dictionary with a new /ModDate only (technical metadata, permitted).
 */
export function manyUpdates(signed: Uint8Array, count: number): Uint8Array {
  const state = new PdfState(signed);
  const size = Number(serialize(dictGet(state.trailer, 'Size')!));
  const root = serialize(dictGet(state.trailer, 'Root')!);
  const infoNum = size;
  const info = state.resolve(dictGet(state.trailer, 'Info'));
  const keep =
    info?.kind === 'dict'
      ? [...info.entries]
          .filter(([k]) => k !== 'ModDate')
          .map(([k, v]) => `/${k} ${serialize(v)}`)
          .join(' ')
      : '';
  const chunks: string[] = [];
  let offset = signed.length;
  let prev = state.startXref;
  for (let i = 0; i < count; i++) {
    const obj = `\n${infoNum} 0 obj\n<<${keep} /ModDate (D:2030010100${String(i % 60).padStart(2, '0')}00Z)>>\nendobj\n`;
    const xrefAt = offset + obj.length;
    const xref = `xref\n${infoNum} 1\n${String(offset + 1).padStart(10, '0')} 00000 n\r\ntrailer\n<</Size ${size + 1} /Root ${root} /Info ${infoNum} 0 R /Prev ${prev}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
    chunks.push(obj, xref);
    prev = xrefAt;
    offset = xrefAt + xref.length;
  }
  return new Uint8Array(Buffer.concat([signed, Buffer.from(chunks.join(''), 'latin1')]));
}

/**
 * A signed report whose audit.json inflates into a huge list: `bytes` of `{},` repeated, with
 * `level` 9 that is a few hundred kilobytes on disk.
 */
export async function auditBomb(signer: SignerMaterial, bytes: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(samplePdf());
  const json = Buffer.alloc(bytes, '{},');
  json[0] = 0x5b; // '['
  json[json.length - 1] = 0x5d; // ']'
  const ctx = doc.context;
  const stream = ctx.stream(deflateSync(json, { level: 9 }), {
    Type: 'EmbeddedFile',
    Subtype: 'application/json',
    Filter: 'FlateDecode',
  });
  const spec = ctx.register(
    ctx.obj({
      Type: 'Filespec',
      F: PDFString.of('audit.json'),
      UF: PDFHexString.fromText('audit.json'),
      EF: { F: ctx.register(stream) },
    }),
  );
  doc.catalog.set(
    PDFName.of('Names'),
    ctx.obj({ EmbeddedFiles: { Names: [PDFHexString.fromText('audit.json'), spec] } }),
  );
  addSignaturePlaceholder(doc, info('Inspector'), 'Inspector signature');
  const prepared = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  return fillSignature(prepared, signer);
}
