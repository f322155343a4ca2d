import { FontStack } from '../../shared/report/font-stack.ts';
import { binaryToBytes, num, rgbOperands } from '../../shared/report/jspdf-direct.ts';
import type { EmbeddedFont, PdfObjectSink } from '../../shared/report/pdf-font.ts';
import {
  SIGNATURE_BOX,
  isBold,
  layoutSignatureBox,
  type SignatureBoxContent,
} from '../../shared/report/signature-box.ts';
import type { ReportStrings } from '../../shared/report/strings.ts';
import { loadReportFonts } from '../report/fonts.ts';

// The visible appearance of a countersignature: the same box the report draws for the
// inspector's signature (shared/report/signature-box.ts), but as the widget's own /AP form
// XObject, since the page itself may not change after the first signature. The text is set in
// the report fonts, embedded as subsets in the update.

const PANEL = rgbOperands(244, 246, 248);
const BORDER = rgbOperands(31, 58, 95);
const COLOR = { title: BORDER, label: rgbOperands(96, 104, 112), value: rgbOperands(33, 37, 41) };

/** Writes the appearance and its fonts through `sink`; returns the form XObject's number. */
export function writeSignatureAppearance(
  sink: PdfObjectSink,
  strings: ReportStrings,
  content: SignatureBoxContent,
): number {
  const fonts = loadReportFonts();
  const normal = new FontStack(fonts.regular);
  const bold = fonts.bold ? new FontStack(fonts.bold) : normal;
  const texts = layoutSignatureBox(strings, content, (text, size, isBoldText) =>
    (isBoldText ? bold : normal).width(text, size),
  );
  const { width: w, height: h } = SIGNATURE_BOX;
  const names = new Map<EmbeddedFont, string>();
  const fontName = (font: EmbeddedFont) => {
    let name = names.get(font);
    if (!name) {
      name = `F${names.size + 1}`;
      names.set(font, name);
    }
    return name;
  };
  // An opaque panel, so the dashed frame and its hint on the page beneath do not show through.
  let ops = `q ${PANEL} rg 0 0 ${w} ${h} re f ${BORDER} RG 1.13 w 0.57 0.57 ${num(w - 1.13)} ${num(h - 1.13)} re S BT`;
  for (const t of texts) {
    const runs = (isBold(t) ? bold : normal).runs(t.text);
    if (runs.length === 0) continue;
    ops += ` ${COLOR[t.kind]} rg 1 0 0 1 ${num(t.x)} ${num(h - t.top - t.size * 1.08)} Tm`;
    for (const run of runs) {
      ops += ` /${fontName(run.font)} ${num(t.size)} Tf (${run.encoded}) Tj`;
    }
  }
  ops += ' ET Q';

  const fontEntries = [...names].map(([font, name]) => `/${name} ${font.write(sink)} 0 R`);
  const form = sink.reserve();
  sink.stream(
    form,
    [
      ['Type', '/XObject'],
      ['Subtype', '/Form'],
      ['BBox', `[0 0 ${w} ${h}]`],
      ['Resources', `<< /Font << ${fontEntries.join(' ')} >> >>`],
    ],
    // The runs are binary strings (two bytes per glyph), as in the report's page content.
    binaryToBytes(ops),
  );
  return form;
}
