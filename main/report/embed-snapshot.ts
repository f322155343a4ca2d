import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import {
  AuditSnapshotSchema,
  parseAnySnapshot,
  type AuditSnapshot,
} from '../../shared/snapshot/schema.ts';
import { decodeStream, MAX_DECODED_STREAM, PdfState } from '../pdf/pdf-file.ts';
import {
  asName,
  decodeTextString,
  dictGet,
  PdfSyntaxError,
  type PdfValue,
} from '../pdf/pdf-syntax.ts';

// The signed report carries the audit it shows: the snapshot JSON rides along as a PDF file
// attachment (PDF/A-3 style: /AF with AFRelationship /Data), added before signing so the
// signature covers it. Reading it back goes through our own xref-following reader, the same one
// the verifier uses, so the JSON we import is the one the verified revision holds.

export const SNAPSHOT_ATTACHMENT_NAME = 'audit.json';
const MAX_NAME_TREE_DEPTH = 16;
const MAX_NAME_TREE_NODES = 10_000;

export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/** Validates the snapshot and attaches it to the document as `audit.json`. */
export function attachSnapshot(pdfDoc: PDFDocument, snapshot: unknown, at: Date): void {
  const parsed = AuditSnapshotSchema.safeParse(snapshot);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new SnapshotError(
      `The audit snapshot is not valid${first ? ` (${first.path.map(String).join('.')}: ${first.message})` : ''}.`,
    );
  }
  attachValidatedSnapshot(pdfDoc, parsed.data, at);
}

/**
 * Attaches a snapshot the caller has already validated. Written with pdf-lib's low-level API
 * rather than `pdfDoc.attach`, which compresses with pure-JS pako: for a 4 MB snapshot Node's
 * zlib is several times faster. The result has the same shape as `attach` produces: an
 * /EmbeddedFile stream, a /Filespec with /AFRelationship /Data, the /EmbeddedFiles name tree
 * and the catalog's /AF array.
 */
export function attachValidatedSnapshot(
  pdfDoc: PDFDocument,
  snapshot: AuditSnapshot,
  at: Date,
): void {
  const json = new TextEncoder().encode(JSON.stringify(snapshot));
  const ctx = pdfDoc.context;
  const stream = ctx.stream(deflateSync(json, { level: 1 }), {
    Type: 'EmbeddedFile',
    Subtype: 'application/json',
    Filter: 'FlateDecode',
    Params: {
      Size: json.length,
      CreationDate: PDFString.fromDate(at),
      ModDate: PDFString.fromDate(at),
    },
  });
  const fileSpec = ctx.register(
    ctx.obj({
      Type: 'Filespec',
      F: PDFString.of(SNAPSHOT_ATTACHMENT_NAME),
      UF: PDFHexString.fromText(SNAPSHOT_ATTACHMENT_NAME),
      EF: { F: ctx.register(stream) },
      Desc: PDFHexString.fromText(
        'Roomcheck audit snapshot (machine-readable record of this report)',
      ),
      AFRelationship: 'Data',
    }),
  );
  const catalog = pdfDoc.catalog;
  const names = catalog.lookupMaybe(PDFName.of('Names'), PDFDict) ?? ctx.obj({});
  catalog.set(PDFName.of('Names'), names);
  const tree = names.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict) ?? ctx.obj({});
  names.set(PDFName.of('EmbeddedFiles'), tree);
  const list = tree.lookupMaybe(PDFName.of('Names'), PDFArray) ?? ctx.obj([]);
  tree.set(PDFName.of('Names'), list);
  list.push(PDFHexString.fromText(SNAPSHOT_ATTACHMENT_NAME));
  list.push(fileSpec);
  const af = catalog.lookupMaybe(PDFName.of('AF'), PDFArray) ?? ctx.obj([]);
  catalog.set(PDFName.of('AF'), af);
  af.push(fileSpec);
}

function fileSpecName(state: PdfState, spec: PdfValue | undefined): string | undefined {
  return decodeTextString(state.lookup(spec, 'UF')) ?? decodeTextString(state.lookup(spec, 'F'));
}

/** Walks the /EmbeddedFiles name tree (bounded) looking for `name`. */
function findInNameTree(
  state: PdfState,
  node: PdfValue | undefined,
  name: string,
): PdfValue | undefined {
  let visited = 0;
  const walk = (n: PdfValue | undefined, depth: number): PdfValue | undefined => {
    if (depth > MAX_NAME_TREE_DEPTH || ++visited > MAX_NAME_TREE_NODES) {
      throw new PdfSyntaxError('The attachment list is nested too deeply.');
    }
    const d = state.resolve(n);
    const names = state.lookup(d, 'Names');
    if (names?.kind === 'array') {
      for (let i = 0; i + 1 < names.items.length; i += 2) {
        const key = state.resolve(names.items[i]);
        if (decodeTextString(key) === name) return names.items[i + 1];
      }
    }
    const kids = state.lookup(d, 'Kids');
    if (kids?.kind === 'array') {
      for (const kid of kids.items) {
        const hit = walk(kid, depth + 1);
        if (hit) return hit;
      }
    }
    return undefined;
  };
  return walk(node, 0);
}

/** The file specification of the embedded snapshot in this state, if there is one. */
export function findSnapshotFileSpec(state: PdfState): PdfValue | undefined {
  const catalog = state.catalog;
  const tree = state.lookup(state.lookup(catalog, 'Names'), 'EmbeddedFiles');
  const fromTree = tree ? findInNameTree(state, tree, SNAPSHOT_ATTACHMENT_NAME) : undefined;
  if (fromTree) return fromTree;
  const af = state.lookup(catalog, 'AF');
  if (af?.kind === 'array') {
    for (const spec of af.items) {
      if (fileSpecName(state, spec) === SNAPSHOT_ATTACHMENT_NAME) return spec;
    }
  }
  return undefined;
}

/** Reads, parses and validates the embedded snapshot of a state; throws SnapshotError. */
export function readSnapshotFromState(state: PdfState): AuditSnapshot {
  const spec = findSnapshotFileSpec(state);
  if (!spec) throw new SnapshotError('This PDF carries no embedded audit snapshot (audit.json).');
  const ef = state.lookup(spec, 'EF');
  const streamRef = dictGet(ef, 'F') ?? dictGet(ef, 'UF');
  if (streamRef?.kind !== 'ref')
    throw new SnapshotError('The embedded audit.json has no file data.');
  const obj = state.getObject(streamRef.num);
  if (!obj?.stream) throw new SnapshotError('The embedded audit.json has no file data.');
  const subtype = asName(dictGet(obj.stream.dict, 'Subtype'));
  if (subtype !== undefined && subtype !== 'application/json') {
    throw new SnapshotError(`The embedded audit.json is of type ${subtype}, not JSON.`);
  }
  let text: string;
  try {
    const bytes = decodeStream(state.bytes, obj, MAX_DECODED_STREAM);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    throw new SnapshotError(
      `The embedded audit.json cannot be read: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SnapshotError('The embedded audit.json is not valid JSON.');
  }
  const parsed = parseAnySnapshot(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new SnapshotError(
      `The embedded audit.json is not a Roomcheck audit snapshot${first ? ` (${first.path.map(String).join('.')}: ${first.message})` : ''}.`,
    );
  }
  return parsed.data;
}

/** Reads the snapshot of the file as a viewer sees it (its last revision). */
export function extractSnapshot(pdfBytes: Uint8Array): AuditSnapshot {
  let state: PdfState;
  try {
    state = new PdfState(pdfBytes);
  } catch (err) {
    throw new SnapshotError(
      `This file is not a readable PDF: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  try {
    return readSnapshotFromState(state);
  } catch (err) {
    if (err instanceof SnapshotError) throw err;
    throw new SnapshotError(
      `The embedded audit.json cannot be read: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
