import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { loadDemoPhotos } from '../../../../main/report/demo-assets.ts';
import { makeDemoAudit } from '../../../../shared/demo/demo-audit.ts';
import type { AuditSnapshot } from '../../../../shared/snapshot/schema.ts';
import { scanXml } from '../../../../shared/stig/xml-scan.ts';
import { hasTool } from '../../main/signing/support/judges.ts';

// The judges of STIG exports: DISA's CKLB JSON schema through ajv, DISA's CKL XSD through
// xmllint (Debian's libxml2-utils) where it is installed, and a structural check of CKL in JS
// that encodes the XSD's sequences and enumerations so the order of elements is checked even
// without xmllint. Both schemas are committed verbatim under test/fixtures/stig/schemas.

const schemas = new URL('../../../fixtures/stig/schemas', import.meta.url).pathname;
export const CKL_XSD = join(schemas, 'U_Checklist_Schema_V2.xsd');
export const STIG_FIXTURES = new URL('../../../fixtures/stig', import.meta.url).pathname;
export const CORPUS = new URL('../../../../../shared/corpora/stig', import.meta.url).pathname;

/** DISA's CKLB 1.0 schema, compiled strictly except for the schema's own three quirks. */
export function cklbValidator() {
  const schema = JSON.parse(readFileSync(join(schemas, 'SV3_CKLB_1_0_JSON_SCHEMA.json'), 'utf8'));
  const ajv = new Ajv2019({
    strict: true,
    // The schema's objects do not all say "type": "object" …
    strictTypes: false,
    // … its "reason" property also matches its own pattern property …
    allowMatchingProperties: true,
    allErrors: true,
  });
  // … and it spells one annotation "Description".
  ajv.addKeyword('Description');
  addFormats(ajv, ['uuid']);
  return ajv.compile(schema);
}

export const xmllintMissing = (): string | null =>
  hasTool('xmllint') ? null : 'xmllint (Debian libxml2-utils) is not installed';

/** Validates CKL texts against DISA's XSD with xmllint; returns its complaints, '' when valid. */
export function xmllintXsd(files: { name: string; text: string }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'roomcheck-ckl-'));
  const paths = files.map((f, i) => {
    const path = join(dir, `${i}.ckl`);
    writeFileSync(path, f.text);
    return path;
  });
  const r = spawnSync('xmllint', ['--noout', '--schema', CKL_XSD, ...paths], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const complaints = `${r.stderr ?? ''}`
    .split('\n')
    .filter((line) => line.trim() && !line.endsWith(' validates'));
  return r.status === 0 && complaints.length === 0
    ? ''
    : complaints.join('\n') || `exit ${r.status}`;
}

// U_Checklist_Schema_V2.xsd 2.5: each element's children in order ("?" optional, "+" one or
// more), and the enumerations of its simple types.
const SEQUENCES: Readonly<Record<string, readonly string[]>> = {
  CHECKLIST: ['ASSET', 'STIGS'],
  ASSET: [
    'ROLE',
    'ASSET_TYPE',
    'MARKING?',
    'HOST_NAME',
    'HOST_IP',
    'HOST_MAC',
    'HOST_GUID?',
    'HOST_FQDN',
    'TARGET_COMMENT?',
    'TECH_AREA',
    'TARGET_KEY',
    'STIG_GUID?',
    'WEB_OR_DATABASE',
    'WEB_DB_SITE',
    'WEB_DB_INSTANCE',
  ],
  STIGS: ['iSTIG+'],
  iSTIG: ['STIG_INFO', 'VULN+'],
  STIG_INFO: ['SI_DATA+'],
  SI_DATA: ['SID_NAME', 'SID_DATA?'],
  VULN: [
    'STIG_DATA+',
    'STATUS',
    'FINDING_DETAILS',
    'COMMENTS',
    'SEVERITY_OVERRIDE',
    'SEVERITY_JUSTIFICATION',
  ],
  STIG_DATA: ['VULN_ATTRIBUTE', 'ATTRIBUTE_DATA'],
};
const ENUMS: Readonly<Record<string, readonly string[]>> = {
  ROLE: ['None', 'Workstation', 'Member Server', 'Domain Controller'],
  ASSET_TYPE: ['Computing', 'Non-Computing'],
  TECH_AREA: [
    '',
    'Application Review',
    'Boundary Security',
    'CDS Admin Review',
    'CDS Technical Review',
    'Database Review',
    'Domain Name System (DNS)',
    'Exchange Server',
    'Host Based System Security (HBSS)',
    'Internal Network',
    'Mobility',
    'Releasable Networks (REL)',
    'Releaseable Networks (REL)',
    'Traditional Security',
    'UNIX OS',
    'VVOIP Review',
    'Web Review',
    'Windows OS',
    'Other Review',
  ],
  WEB_OR_DATABASE: ['true', 'false', '1', '0'],
  SID_NAME: [
    'classification',
    'customname',
    'description',
    'filename',
    'notice',
    'releaseinfo',
    'source',
    'stigid',
    'title',
    'uuid',
    'version',
  ],
  VULN_ATTRIBUTE: [
    'Vuln_Num',
    'Severity',
    'Weight',
    'Group_Title',
    'Rule_ID',
    'Rule_Ver',
    'Rule_Title',
    'Vuln_Discuss',
    'IA_Controls',
    'Check_Content',
    'Fix_Text',
    'False_Positives',
    'False_Negatives',
    'Documentable',
    'Mitigations',
    'Potential_Impact',
    'Third_Party_Tools',
    'Mitigation_Control',
    'Responsibility',
    'Security_Override_Guidance',
    'Check_Content_Ref',
    'Class',
    'STIGRef',
    'TargetKey',
    'STIG_UUID',
    'LEGACY_ID',
    'CCI_REF',
  ],
  STATUS: ['NotAFinding', 'Open', 'Not_Applicable', 'Not_Reviewed'],
  SEVERITY_OVERRIDE: ['', 'low', 'medium', 'high'],
};

const sequencePattern = (spec: readonly string[]) =>
  new RegExp(
    `^${spec
      .map((s) => {
        const name = s.replace(/[?+]$/, '');
        return s.endsWith('?') ? `(?:${name},)?` : s.endsWith('+') ? `(?:${name},)+` : `${name},`;
      })
      .join('')}$`,
  );
const PATTERNS = Object.fromEntries(
  Object.entries(SEQUENCES).map(([name, spec]) => [name, sequencePattern(spec)]),
);

type Element = { name: string; children: Element[]; text: string };

/** Problems with a CKL's structure against the XSD's sequences and enumerations; [] if none. */
export function cklStructureProblems(xml: string): string[] {
  const root: Element = { name: '', children: [], text: '' };
  const open: Element[] = [root];
  scanXml(
    xml,
    {
      open(name) {
        const element = { name, children: [], text: '' };
        open.at(-1)!.children.push(element);
        open.push(element);
      },
      close() {
        open.pop();
      },
      text(text) {
        open.at(-1)!.text += text;
      },
      comment() {},
    },
    64,
  );
  const problems: string[] = [];
  const visit = (element: Element, path: string) => {
    const here = `${path}/${element.name}`;
    const pattern = PATTERNS[element.name];
    if (pattern) {
      const sequence = element.children.map((c) => `${c.name},`).join('');
      if (!pattern.test(sequence)) problems.push(`${here}: children ${sequence || '(none)'}`);
      for (const child of element.children) visit(child, here);
    } else if (element.children.length > 0) {
      problems.push(`${here}: a text element holds elements`);
    } else if (ENUMS[element.name] && !ENUMS[element.name]!.includes(element.text)) {
      problems.push(`${here}: "${element.text}" is not one of ${element.name}'s values`);
    }
  };
  if (root.children.length !== 1 || root.children[0]!.name !== 'CHECKLIST') {
    problems.push('root is not CHECKLIST');
  }
  for (const element of root.children) visit(element, '');
  return problems;
}

/** The demo audit with its two photos, as `roomcheck demo` makes it. */
export function demoSnapshot(): AuditSnapshot {
  return makeDemoAudit({
    seed: 2026,
    now: new Date('2026-03-02T08:00:00.000Z'),
    photos: loadDemoPhotos(),
  });
}
