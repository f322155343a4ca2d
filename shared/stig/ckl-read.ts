import { importError } from '../import/messages.ts';
import {
  checkCounts,
  finishChecklist,
  type RawRule,
  type RawStig,
  type ReadChecklist,
  type ReadTarget,
} from './read-model.ts';
import { lineAndColumn, scanXml, XmlSyntaxError } from './xml-scan.ts';

// STIG Viewer 2 checklists (.ckl, XML), from STIG Viewer, STIG Manager or Evaluate-STIG, read
// by the strict event reader in xml-scan.ts (no DTD, bounded nesting, linear time) and kept
// only as far as a checklist needs: the ASSET's fields, each iSTIG's STIG_INFO, and each
// VULN's attributes and results. Text is kept exactly (leading spaces, final newlines), and
// comments are read because Evaluate-STIG records its version and scan time in them.

/** CHECKLIST > STIGS > iSTIG > VULN > STIG_DATA > ATTRIBUTE_DATA is six levels deep. */
export const MAX_XML_DEPTH = 16;

const ES_COMMENT = /^\s*<Evaluate-STIG>([\s\S]*)<\/Evaluate-STIG>\s*$/;
const tag = (xml: string, name: string) =>
  new RegExp(`<${name}>([^<]{0,1000})</${name}>`).exec(xml)?.[1]?.trim() ?? '';

/** Evaluate-STIG's notes are a few hundred characters; longer comments are not looked into. */
const MAX_TOOL_COMMENT = 8192;

/** Evaluate-STIG's comment: its version (root, or <global>), module and scan time. */
function evaluateStig(comment: string) {
  if (comment.length > MAX_TOOL_COMMENT) return null;
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

const VULN_RESULTS = new Set([
  'STATUS',
  'FINDING_DETAILS',
  'COMMENTS',
  'SEVERITY_OVERRIDE',
  'SEVERITY_JUSTIFICATION',
]);

type StigParts = { info: Map<string, string>; comments: string[]; rules: RawRule[] };

/** First value wins, as STIG Viewer reads a repeated field. */
const keep = (map: Map<string, string>, key: string, value: string) => {
  if (!map.has(key)) map.set(key, value);
};

function rawRule(data: Map<string, string>, results: Map<string, string>): RawRule {
  const overrideSeverity = results.get('SEVERITY_OVERRIDE') ?? '';
  return {
    ruleIdSrc: data.get('Rule_ID') ?? '',
    groupId: data.get('Vuln_Num') ?? '',
    ruleVersion: data.get('Rule_Ver') ?? '',
    ruleTitle: data.get('Rule_Title') ?? '',
    severity: data.get('Severity') ?? '',
    status: results.get('STATUS') ?? '',
    override: overrideSeverity.trim()
      ? { severity: overrideSeverity, reason: results.get('SEVERITY_JUSTIFICATION') ?? '' }
      : null,
    comments: results.get('COMMENTS') ?? '',
    findingDetails: results.get('FINDING_DETAILS') ?? '',
    updatedAt: '',
  };
}

function rawStig(parts: StigParts, root: RootTool | null): RawStig {
  const { info } = parts;
  const es = parts.comments.map(evaluateStig).find((e) => e !== null) ?? null;
  let tool: string | null = null;
  if (root || es) {
    const module = es?.module || root?.module;
    tool = [root?.name ?? 'Evaluate-STIG', root?.version, module ? `(${module})` : '']
      .filter(Boolean)
      .join(' ');
  }
  return {
    uuid: info.get('uuid') ?? '',
    stigId: (info.get('stigid') ?? '').replace(/^xccdf_mil\.disa\.stig_benchmark_/, ''),
    stigName: info.get('title') ?? '',
    version: info.get('version') ?? '',
    releaseInfo: info.get('releaseinfo') ?? '',
    tool,
    scannedAt: es?.time || root?.time || '',
    rules: parts.rules,
  };
}

/** What the scan keeps of a checklist. */
type Collected = {
  root: string | null;
  rootComments: string[];
  asset: Map<string, string> | null;
  hasStigs: boolean;
  stigs: StigParts[];
};

function collect(source: string): Collected {
  const c: Collected = { root: null, rootComments: [], asset: null, hasStigs: false, stigs: [] };
  const path: string[] = [];
  let stig: StigParts | null = null;
  let pair = new Map<string, string>(); // SI_DATA's or STIG_DATA's name and value
  let data = new Map<string, string>(); // the VULN's STIG_DATA
  let results = new Map<string, string>(); // the VULN's STATUS, COMMENTS …
  let ruleCount = 0;
  let capture: string[] | null = null;
  let captureDepth = 0;

  scanXml(
    source,
    {
      open(name) {
        path.push(name);
        if (path.length === 1) c.root = name;
        if (c.root !== 'CHECKLIST') return;
        const parent = path[path.length - 2];
        const where = path.length;
        if (where === 2 && name === 'ASSET') c.asset ??= new Map();
        else if (where === 2 && name === 'STIGS') c.hasStigs = true;
        else if (where === 3 && parent === 'STIGS' && name === 'iSTIG') {
          stig = { info: new Map(), comments: [], rules: [] };
          c.stigs.push(stig);
          checkCounts(c.stigs.length, ruleCount);
        } else if (where === 5 && (name === 'SI_DATA' || name === 'STIG_DATA')) pair = new Map();
        else if (where === 4 && parent === 'iSTIG' && name === 'VULN') {
          data = new Map();
          results = new Map();
          checkCounts(c.stigs.length, ++ruleCount);
        }
        const leaf =
          (where === 3 && parent === 'ASSET') ||
          (where === 6 && (parent === 'SI_DATA' || parent === 'STIG_DATA')) ||
          (where === 5 && parent === 'VULN' && VULN_RESULTS.has(name));
        if (leaf && path[1] === (parent === 'ASSET' ? 'ASSET' : 'STIGS')) {
          capture = [];
          captureDepth = where;
        }
      },
      text(text) {
        if (capture && path.length === captureDepth) capture.push(text);
      },
      close(name) {
        const where = path.length;
        const parent = path[where - 2];
        if (capture && where === captureDepth) {
          const value = capture.join('');
          capture = null;
          if (parent === 'ASSET') keep(c.asset!, name, value);
          else if (parent === 'VULN') keep(results, name, value);
          else keep(pair, name, value);
        } else if (where === 5 && name === 'SI_DATA' && stig) {
          keep(stig.info, (pair.get('SID_NAME') ?? '').trim(), pair.get('SID_DATA') ?? '');
        } else if (where === 5 && name === 'STIG_DATA') {
          keep(data, (pair.get('VULN_ATTRIBUTE') ?? '').trim(), pair.get('ATTRIBUTE_DATA') ?? '');
        } else if (where === 4 && name === 'VULN' && stig) {
          stig.rules.push(rawRule(data, results));
        }
        path.pop();
      },
      comment(text) {
        if (path.length === 0) c.rootComments.push(text);
        else if (path.length === 3 && path[2] === 'iSTIG') stig?.comments.push(text);
      },
    },
    MAX_XML_DEPTH,
  );
  return c;
}

function scan(source: string): Collected {
  try {
    return collect(source);
  } catch (err) {
    if (!(err instanceof XmlSyntaxError)) throw err;
    if (err.kind === 'doctype') throw importError('checklist_doctype', {});
    if (err.kind === 'encoding') throw importError('checklist_encoding', {});
    if (err.kind === 'too_deep')
      throw importError('checklist_xml_too_deep', { max: MAX_XML_DEPTH });
    throw importError('checklist_xml_malformed', lineAndColumn(source, err.offset));
  }
}

/** Reads a .ckl file's text (BOM already removed). Throws ImportError with one sentence. */
export function readCkl(text: string): ReadChecklist {
  // XML's end-of-line handling (§2.11): a written CR LF or lone CR is a line feed; a CR that
  // is data is written as &#13; and survives.
  const c = scan(text.replace(/\r\n?/g, '\n'));
  if (c.root !== 'CHECKLIST') throw importError('checklist_not_checklist_xml', {});
  if (!c.asset) throw importError('checklist_no_asset', {});
  const a = (name: string) => c.asset!.get(name) ?? '';
  if (!c.hasStigs) {
    if (!a('HOST_NAME').trim()) throw importError('checklist_no_host', {});
    throw importError('checklist_no_stigs', { section: 'STIGS' });
  }
  const target: ReadTarget = {
    targetType: a('ASSET_TYPE'),
    hostName: a('HOST_NAME'),
    ipAddress: a('HOST_IP'),
    macAddress: a('HOST_MAC'),
    fqdn: a('HOST_FQDN'),
    role: a('ROLE'),
    technologyArea: a('TECH_AREA'),
    comments: a('TARGET_COMMENT'),
    marking: a('MARKING'),
  };
  const tool = rootTool(c.rootComments);
  return finishChecklist({
    format: 'ckl',
    id: null,
    target,
    stigs: c.stigs.map((s) => rawStig(s, tool)),
  });
}
