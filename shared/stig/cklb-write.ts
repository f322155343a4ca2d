import type { Checklist, ChecklistRule } from './checklist.ts';

// STIG Viewer 3's checklist (.cklb, JSON), written strictly to DISA's CKLB 1.0 schema
// (SV3_CKLB_1_0_JSON_SCHEMA.json; the tests validate every export against it). The schema
// forbids unknown keys at every level, so this writes only keys it lists; in particular no
// stigs[].version, which STIG Manager and newer STIG Viewers write but the schema does not
// allow (STIG Manager then reads the revision as V0R1 instead of V<version>R1). The constant
// values (mode 1, has_path true, weight "10.0", check_content_ref "M") are those of the files
// STIG Manager writes.

export const CKLB_VERSION = '1.0';

function ruleJson(rule: ChecklistRule, stigUuid: string) {
  return {
    uuid: rule.uuid,
    stig_uuid: stigUuid,
    target_key: null,
    stig_ref: null,
    group_id: rule.groupId,
    group_id_src: rule.groupId,
    rule_id: rule.ruleId,
    rule_id_src: rule.ruleIdSrc,
    weight: '10.0',
    classification: 'Unclass',
    severity: rule.severity,
    rule_version: rule.ruleVersion,
    group_title: rule.groupTitle,
    rule_title: rule.ruleTitle,
    fix_text: rule.fixText,
    false_positives: '',
    false_negatives: '',
    discussion: rule.discussion,
    check_content: rule.checkContent,
    documentable: 'false',
    mitigations: '',
    potential_impacts: '',
    third_party_tools: '',
    mitigation_control: '',
    responsibility: '',
    security_override_guidance: '',
    ia_controls: rule.iaControls,
    check_content_ref: { href: '', name: 'M' },
    legacy_ids: [] as string[],
    ccis: [] as string[],
    group_tree: [
      {
        id: rule.groupId,
        title: rule.groupTitle,
        description: '<GroupDescription></GroupDescription>',
      },
    ],
    createdAt: rule.createdAt,
    updatedAt: rule.updatedAt,
    status: rule.status,
    overrides: rule.override
      ? { severity: { severity: rule.override.severity, reason: rule.override.reason } }
      : {},
    comments: rule.comments,
    finding_details: rule.findingDetails,
  };
}

/** The checklist as a CKLB document (a plain JSON value). */
export function cklbDocument(checklist: Checklist) {
  const { target, stig } = checklist;
  return {
    title: checklist.title,
    id: checklist.id,
    cklb_version: CKLB_VERSION,
    active: false,
    mode: 1,
    has_path: true,
    target_data: {
      target_type: target.targetType,
      host_name: target.hostName,
      ip_address: target.ipAddress,
      mac_address: target.macAddress,
      fqdn: target.fqdn,
      comments: target.comments,
      role: target.role,
      is_web_database: false,
      technology_area: target.technologyArea,
      web_db_site: '',
      web_db_instance: '',
    },
    stigs: [
      {
        stig_name: stig.stigName,
        display_name: stig.displayName,
        stig_id: stig.stigId,
        release_info: stig.releaseInfo,
        uuid: stig.uuid,
        reference_identifier: null,
        size: stig.size,
        rules: stig.rules.map((rule) => ruleJson(rule, stig.uuid)),
      },
    ],
  };
}

/** The .cklb file's text: compact JSON, as STIG Viewer writes it. */
export function cklbText(checklist: Checklist): string {
  return JSON.stringify(cklbDocument(checklist));
}
