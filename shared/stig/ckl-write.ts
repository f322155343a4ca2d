import { CKL_STATUS, type Checklist, type ChecklistRule, type ChecklistStig } from './checklist.ts';

// STIG Viewer 2's checklist (.ckl, XML), valid against DISA's checklist schema 2.5
// (U_Checklist_Schema_V2.xsd), which STIG Viewer 2 validates every file against by default:
// elements in the schema's order, enumerated values only (ROLE never empty, TECH_AREA and
// WEB_OR_DATABASE from their lists), every VULN with its five closing elements.
//
// Text must survive the trip exactly: "\r" is written as a character reference (an XML parser
// turns a literal CR LF into LF), and characters XML 1.0 cannot carry at all, even as
// references (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF), are dropped, while a
// lone surrogate becomes U+FFFD. CKLB, being JSON, keeps all of them.

// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
const NEEDS_WORK = /[&<>"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- as above
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
};

/** Text as XML character data. */
export function xmlText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text
    .replace(NOT_XML, '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/[&<>"\r]/g, (c) => ESCAPES[c]!);
}

const element = (indent: string, name: string, value: string) =>
  `${indent}<${name}>${xmlText(value)}</${name}>`;

function stigInfo(stig: ChecklistStig): [string, string][] {
  return [
    ['version', stig.version],
    ['classification', 'UNCLASSIFIED'],
    ['customname', ''],
    ['stigid', stig.stigId],
    ['description', stig.stigName],
    ['filename', `${stig.stigId}.xml`],
    ['releaseinfo', stig.releaseInfo],
    ['title', stig.stigName],
    ['uuid', stig.uuid],
    ['notice', ''],
    ['source', ''],
  ];
}

function vulnData(rule: ChecklistRule, stig: ChecklistStig): [string, string][] {
  return [
    ['Vuln_Num', rule.groupId],
    ['Severity', rule.severity],
    ['Weight', '10.0'],
    ['Group_Title', rule.groupTitle],
    ['Rule_ID', rule.ruleIdSrc],
    ['Rule_Ver', rule.ruleVersion],
    ['Rule_Title', rule.ruleTitle],
    ['Vuln_Discuss', rule.discussion],
    ['IA_Controls', rule.iaControls],
    ['Check_Content', rule.checkContent],
    ['Fix_Text', rule.fixText],
    ['False_Positives', ''],
    ['False_Negatives', ''],
    ['Documentable', 'false'],
    ['Mitigations', ''],
    ['Potential_Impact', ''],
    ['Third_Party_Tools', ''],
    ['Mitigation_Control', ''],
    ['Responsibility', ''],
    ['Security_Override_Guidance', ''],
    ['Check_Content_Ref', 'M'],
    ['Class', 'Unclass'],
    ['STIGRef', `${stig.stigName} :: Version ${stig.version}, ${stig.releaseInfo}`],
    ['TargetKey', ''],
    ['STIG_UUID', stig.uuid],
  ];
}

/** The .ckl file's text. `appVersion` goes into a leading comment, as STIG Manager does. */
export function cklText(checklist: Checklist, appVersion: string): string {
  const { target: t, stig } = checklist;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- Roomcheck ${appVersion.replace(/[^\w.+-]/g, '')} -->`,
    '<CHECKLIST>',
    '\t<ASSET>',
    element('\t\t', 'ROLE', t.role),
    element('\t\t', 'ASSET_TYPE', t.targetType),
    element('\t\t', 'MARKING', t.marking),
    element('\t\t', 'HOST_NAME', t.hostName),
    element('\t\t', 'HOST_IP', t.ipAddress),
    element('\t\t', 'HOST_MAC', t.macAddress),
    element('\t\t', 'HOST_FQDN', t.fqdn),
    element('\t\t', 'TARGET_COMMENT', t.comments),
    element('\t\t', 'TECH_AREA', t.technologyArea),
    element('\t\t', 'TARGET_KEY', ''),
    element('\t\t', 'WEB_OR_DATABASE', 'false'),
    element('\t\t', 'WEB_DB_SITE', ''),
    element('\t\t', 'WEB_DB_INSTANCE', ''),
    '\t</ASSET>',
    '\t<STIGS>',
    '\t\t<iSTIG>',
    '\t\t\t<STIG_INFO>',
  ];
  for (const [name, value] of stigInfo(stig)) {
    out.push('\t\t\t\t<SI_DATA>', element('\t\t\t\t\t', 'SID_NAME', name));
    // SID_DATA is optional; STIG Viewer leaves it out for empty values.
    if (value !== '') out.push(element('\t\t\t\t\t', 'SID_DATA', value));
    out.push('\t\t\t\t</SI_DATA>');
  }
  out.push('\t\t\t</STIG_INFO>');
  for (const rule of stig.rules) {
    out.push('\t\t\t<VULN>');
    for (const [name, value] of vulnData(rule, stig)) {
      out.push(
        '\t\t\t\t<STIG_DATA>',
        element('\t\t\t\t\t', 'VULN_ATTRIBUTE', name),
        element('\t\t\t\t\t', 'ATTRIBUTE_DATA', value),
        '\t\t\t\t</STIG_DATA>',
      );
    }
    out.push(
      element('\t\t\t\t', 'STATUS', CKL_STATUS[rule.status]),
      element('\t\t\t\t', 'FINDING_DETAILS', rule.findingDetails),
      element('\t\t\t\t', 'COMMENTS', rule.comments),
      element('\t\t\t\t', 'SEVERITY_OVERRIDE', rule.override?.severity ?? ''),
      element('\t\t\t\t', 'SEVERITY_JUSTIFICATION', rule.override?.reason ?? ''),
      '\t\t\t</VULN>',
    );
  }
  out.push('\t\t</iSTIG>', '\t</STIGS>', '</CHECKLIST>', '');
  return out.join('\n');
}
