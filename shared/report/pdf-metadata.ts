// The report's XMP metadata packet: what archives and document managers read (title, author,
// dates, language), the same values as the document information dictionary, in the form PDF/A
// asks for (Dublin Core, XMP basic, Adobe PDF schemas). Stored uncompressed by jsPDF.

export type XmpFields = {
  title: string;
  author: string;
  subject: string;
  /** BCP 47, e.g. "zh-CN". */
  language: string;
  creatorTool: string;
  producer: string;
  /** ISO 8601 date-time. */
  created: string;
};

/** Escaped for XML text, without the control characters XML 1.0 cannot hold at all. */
function xml(text: string): string {
  const allowed = [...text].filter((ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    return (
      (cp >= 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d) && cp !== 0xfffe && cp !== 0xffff
    );
  });
  return allowed
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function buildXmp(f: XmpFields): string {
  const created = new Date(f.created).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(f.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${xml(f.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(f.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${xml(f.language)}</rdf:li></rdf:Bag></dc:language>`,
    `<xmp:CreateDate>${created}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${created}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${created}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${xml(f.creatorTool)}</xmp:CreatorTool>`,
    `<pdf:Producer>${xml(f.producer)}</pdf:Producer>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}
