import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { importError } from '../import/messages.ts';
import {
  checkCounts,
  finishChecklist,
  text,
  type RawRule,
  type RawStig,
  type ReadChecklist,
} from './read-model.ts';

// STIG Viewer 2 checklists (.ckl, XML), from STIG Viewer, STIG Manager or Evaluate-STIG.
// Untrusted XML, so, in this order:
// - a DOCTYPE or entity declaration is refused outright (no checklist has one): no external
//   entities, no entity expansion bombs;
// - the text must be well-formed (fast-xml-parser's parser alone accepts `<A><B></A>` and
//   silently loses data, as STIG Manager does with one corpus file);
// - the parser runs with nesting bounded, attributes ignored, values kept as text exactly
//   (trimValues off: notes keep their leading spaces and final newlines), predefined and
//   numeric character references decoded, and comments kept, because Evaluate-STIG records
//   its version and scan time in them. It refuses element names that would reach
//   Object.prototype (__proto__, constructor).

/** CHECKLIST > STIGS > iSTIG > VULN > STIG_DATA > ATTRIBUTE_DATA is six levels deep. */
export const MAX_XML_DEPTH = 16;

const REPEATED = new Set(['iSTIG', 'VULN', 'SI_DATA', 'STIG_DATA', '#comment']);
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  processEntities: true,
  commentPropName: '#comment',
  maxNestedTags: MAX_XML_DEPTH,
  isArray: (name) => REPEATED.has(name),
});

type Node = Record<string, unknown>;
const asNode = (value: unknown): Node =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : {};
const asNodes = (value: unknown): Node[] => (Array.isArray(value) ? value.map(asNode) : []);
const comments = (node: Node): string[] =>
  (Array.isArray(node['#comment']) ? node['#comment'] : []).map(text);

const ES_COMMENT = /^\s*<Evaluate-STIG>([\s\S]*)<\/Evaluate-STIG>\s*$/;
const tag = (xml: string, name: string) =>
  new RegExp(`<${name}>([^<]{0,1000})</${name}>`).exec(xml)?.[1]?.trim() ?? '';

/** Evaluate-STIG's comment: its version (root, or <global>), module and scan time. */
function evaluateStig(comment: string) {
  const body = ES_COMMENT.exec(comment)?.[1];
  if (body === undefined) return null;
  const module = /<module>([\s\S]*?)<\/module>/.exec(body)?.[1] ?? '';
  const outside = body.replace(/<module>[\s\S]*?<\/module>|<stiglist>[\s\S]*?<\/stiglist>/g, '');
  return {
    version: tag(outside, 'version'),
    module: [tag(module, 'name'), tag(module, 'version')].filter(Boolean).join(' '),
    time: tag(body, 'time'),
  };
}

type RootTool = { name: string; version: string; module: string; time: string };

/** What the root comments say made the file: Evaluate-STIG, STIG Manager or Roomcheck. */
function rootTool(rootComments: string[]): RootTool | null {
  for (const c of rootComments) {
    const es = evaluateStig(c);
    if (es) return { name: 'Evaluate-STIG', ...es };
    const named = /^\s*(STIG Manager|Roomcheck)\s+(\S{1,100})\s*$/.exec(c);
    if (named) return { name: named[1]!, version: named[2]!, module: '', time: '' };
  }
  return null;
}

function rawStig(istig: Node, root: RootTool | null): RawStig {
  const info = new Map<string, string>();
  for (const d of asNodes(asNode(istig.STIG_INFO).SI_DATA)) {
    const name = text(d.SID_NAME).trim();
    if (!info.has(name)) info.set(name, text(d.SID_DATA));
  }
  const es =
    comments(istig)
      .map(evaluateStig)
      .find((e) => e !== null) ?? null;
  let tool: string | null = null;
  if (root || es) {
    const module = es?.module || root?.module;
    tool = [root?.name ?? 'Evaluate-STIG', root?.version, module ? `(${module})` : '']
      .filter(Boolean)
      .join(' ');
  }
  const rules = asNodes(istig.VULN).map((vuln): RawRule => {
    const data = new Map<string, string>();
    for (const d of asNodes(vuln.STIG_DATA)) {
      const name = text(d.VULN_ATTRIBUTE).trim();
      if (!data.has(name)) data.set(name, text(d.ATTRIBUTE_DATA));
    }
    const overrideSeverity = text(vuln.SEVERITY_OVERRIDE);
    return {
      ruleIdSrc: data.get('Rule_ID') ?? '',
      groupId: data.get('Vuln_Num') ?? '',
      ruleVersion: data.get('Rule_Ver') ?? '',
      ruleTitle: data.get('Rule_Title') ?? '',
      severity: data.get('Severity') ?? '',
      status: text(vuln.STATUS),
      override: overrideSeverity.trim()
        ? { severity: overrideSeverity, reason: text(vuln.SEVERITY_JUSTIFICATION) }
        : null,
      comments: text(vuln.COMMENTS),
      findingDetails: text(vuln.FINDING_DETAILS),
      updatedAt: '',
    };
  });
  return {
    uuid: info.get('uuid') ?? '',
    stigId: (info.get('stigid') ?? '').replace(/^xccdf_mil\.disa\.stig_benchmark_/, ''),
    stigName: info.get('title') ?? '',
    version: info.get('version') ?? '',
    releaseInfo: info.get('releaseinfo') ?? '',
    tool,
    scannedAt: es?.time || root?.time || '',
    rules,
  };
}

/** Well-formed XML, parsed; anything else refused with one sentence. */
function parse(source: string): Node {
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    throw importError('checklist_xml_malformed', { line: valid.err.line, column: valid.err.col });
  }
  try {
    return asNode(parser.parse(source));
  } catch (err) {
    const message = err instanceof Error ? err.message : '';
    if (/nested tags/i.test(message)) {
      throw importError('checklist_xml_too_deep', { max: MAX_XML_DEPTH });
    }
    throw importError('checklist_xml_unreadable', {});
  }
}

/** Reads a .ckl file's text (BOM already removed). Throws ImportError with one sentence. */
export function readCkl(source: string): ReadChecklist {
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) throw importError('checklist_doctype', {});
  const doc = parse(source);
  // An empty element (<ASSET/>) reads as "", which is present but holds nothing.
  if (doc.CHECKLIST === undefined) throw importError('checklist_not_checklist_xml', {});
  const cl = asNode(doc.CHECKLIST);
  if (cl.ASSET === undefined) throw importError('checklist_no_asset', {});
  const asset = asNode(cl.ASSET);
  if (cl.STIGS === undefined) {
    if (!text(asset.HOST_NAME).trim()) throw importError('checklist_no_host', {});
    throw importError('checklist_no_stigs', { section: 'STIGS' });
  }
  const istigs = asNodes(asNode(cl.STIGS).iSTIG);
  checkCounts(
    istigs.length,
    istigs.reduce((n, s) => n + asNodes(s.VULN).length, 0),
  );
  const tool = rootTool(comments(doc));
  return finishChecklist({
    format: 'ckl',
    id: null,
    target: {
      targetType: text(asset.ASSET_TYPE),
      hostName: text(asset.HOST_NAME),
      ipAddress: text(asset.HOST_IP),
      macAddress: text(asset.HOST_MAC),
      fqdn: text(asset.HOST_FQDN),
      role: text(asset.ROLE),
      technologyArea: text(asset.TECH_AREA),
      comments: text(asset.TARGET_COMMENT),
      marking: text(asset.MARKING),
    },
    stigs: istigs.map((s) => rawStig(s, tool)),
  });
}
