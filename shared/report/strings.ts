// Every fixed word of the PDF report, in English and Simplified Chinese. Both tables are typed
// by ReportStrings, so a key missing from either language fails to compile. Display names of
// enum values (severity, status, device type...) come from shared/i18n/labels.ts instead.

import type { Lang } from '../i18n/lang.ts';
import { conformityPercent, type Conformity, type Unresolved } from './report-model.ts';

export interface ReportStrings {
  reportTitle: string;
  classificationBanner: (label: string) => string;
  /** The footer's page number; a Chinese report gives both the Chinese and the English form. */
  footerPage: (page: number, total: number) => string;
  formatDate: (isoDate: string) => string;
  formatCount: (n: number, one: string, many: string) => string;
  listSeparator: string;
  /** "High (CAT I)": a label with a qualifier, in the language's own brackets. */
  qualified: (text: string, qualifier: string) => string;
  /** Tags after a line of text, e.g. " [OVERDUE, RECURRING]". */
  tagList: (tags: string[]) => string;
  ownerAndDue: (owner: string, due: string) => string;
  none: string;
  notRecorded: string;
  unknown: string;

  // Cover
  coverOrganisation: string;
  coverUnit: string;
  coverSite: string;
  coverRooms: string;
  coverAuditTitle: string;
  coverAuditPeriod: string;
  coverReportId: string;
  /** The completed record's content-derived id (SHA-256), tying the report to its record. */
  coverRecordId: string;
  coverGenerated: string;
  coverInspectors: string;
  coverClassification: string;
  coverStatus: string;
  coverChecklist: string;
  reportIdVersion: (id: string, version: number) => string;
  coverHandling: string;
  contents: string;
  /** The line atop a page that continues a section. */
  continued: (title: string) => string;

  // Section titles
  sectionSummary: string;
  sectionScope: string;
  sectionComparison: string;
  sectionFindings: string;
  sectionRemediation: string;
  appendixInventory: string;
  appendixSanitization: string;
  appendixReconciliation: string;
  appendixPhotos: string;
  appendixCharacters: string;
  sectionSignOff: string;

  // Executive summary
  overallJudgement: string;
  judgementUnsatisfactory: (high: Unresolved) => string;
  judgementReservations: (other: Unresolved) => string;
  /** "10 open, 3 in remediation": the split of unresolved findings, as the table shows it. */
  unresolvedSplit: (u: Unresolved) => string;
  conformityLine: (c: Conformity) => string;
  judgementSatisfactory: string;
  countsTitle: string;
  severityColumn: string;
  total: string;
  chartTitle: string;
  keyRisks: string;
  noKeyRisks: string;
  atAGlance: string;
  glanceDevices: string;
  glanceRooms: string;
  glanceRacks: string;
  glanceAnswers: (pass: number, fail: number, na: number, unchecked: number) => string;
  glanceExposed: string;
  glanceNotFound: string;
  glanceUnexpected: string;
  glanceWrongLocation: string;
  glanceFindings: string;

  // Objectives, scope and criteria
  objectives: string;
  auditClient: string;
  auditees: string;
  notStated: string;
  auditTeam: string;
  auditScope: string;
  auditScopeValue: (rooms: number, racks: number, devices: number) => string;
  auditCriteria: string;
  criteriaValue: (checklist: string) => string;
  controlBases: string;
  datesAndPlaces: string;
  timeZone: string;
  timeZoneRecorded: (zone: string, offset: string) => string;
  timeZoneFallback: (zone: string, offset: string) => string;
  checklist: string;
  checklistLine: (name: string, version: number, items: number) => string;
  roomsAndRacks: string;
  colRoom: string;
  colBuildingFloor: string;
  colClassification: string;
  colRacks: string;
  colRack: string;
  colDevices: string;
  inspectors: string;
  auditPeriod: string;
  auditPeriodValue: (start: string, end: string | null) => string;
  method: string;
  methodText: string;
  limits: string;
  limitsText: string;
  limitUnchecked: (n: number, where: string) => string;
  limitNotFound: (n: number) => string;
  limitReopened: (n: number) => string;

  // Conformity
  sectionConformity: string;
  conformityIntro: string;
  conformityByRoom: string;
  colPassed: string;
  colFailed: string;
  colNa: string;
  colNotChecked: string;
  colConformity: string;
  notCheckedItems: string;
  notCheckedIntro: string;
  allChecked: string;
  colItem: string;

  // Conclusions and follow-up
  sectionConclusions: string;
  conclusions: string;
  conclusionConformity: (c: Conformity, roomsBelow: number) => string;
  conclusionRecurring: (recurring: number, overdue: number) => string;
  followUp: string;
  followUpUnresolved: (n: number) => string;
  followUpNone: string;
  nextAuditDue: (date: string, days: number) => string;
  distribution: string;
  distributionNone: string;

  // Comparison
  firstAudit: string;
  firstAuditText: string;
  previousAudit: (title: string, date: string) => string;
  findingChanges: string;
  inventoryChanges: string;
  changeNew: string;
  changeResolved: string;
  changeRecurring: string;
  changeOverdue: string;
  changeAdded: string;
  changeMissing: string;
  changeMoved: string;
  changeStatus: string;
  changeNotRechecked: string;
  changeUnexpected: string;
  changeRemoved: string;
  changeRelocated: string;
  newFindingsNote: string;
  reappeared: string;
  notSeenAgain: string;
  overdueElsewhere: (n: number) => string;
  recurringElsewhere: (n: number) => string;
  colDevice: string;
  colFrom: string;
  colTo: string;
  colFinding: string;
  colFirstSeen: string;
  colDue: string;
  colStatus: string;
  colSeverity: string;

  // Findings
  severityGroup: (label: string, n: number) => string;
  noFindings: string;
  fieldCheck: string;
  fieldBasis: string;
  fieldDevice: string;
  fieldLocation: string;
  fieldOwner: string;
  fieldDue: string;
  fieldStatus: string;
  fieldDetail: string;
  fieldRemediation: string;
  fieldStatusReason: string;
  fieldRiskAccepted: string;
  fieldSeverityChange: string;
  severityChangeLine: (from: string, to: string, reason: string, by: string) => string;
  fieldEvidence: string;
  fieldFirstSeen: string;
  tagNew: string;
  tagRecurring: string;
  tagOverdue: string;
  manualFinding: string;
  roomLevel: string;
  rackPosition: (rack: string, u: number | null) => string;
  imageUnavailable: string;

  // Remediation
  remediationIntro: string;
  colNo: string;
  colOwner: string;
  colLastSeen: string;
  colDueDate: string;
  overdueMark: string;

  // Appendices
  colAssetTag: string;
  colName: string;
  colType: string;
  colLocation: string;
  colPowerNetwork: string;
  colMethod: string;
  colTool: string;
  colVerifiedBy: string;
  colWitness: string;
  colDate: string;
  colCertificate: string;
  colDestination: string;
  colResult: string;
  colNote: string;
  noSanitization: string;
  noReconciliationExceptions: string;
  noPhotos: string;
  photoFile: string;
  photoHash: string;
  photoFinding: string;
  charactersIntro: string;
  colCharacter: string;
  colCodePoint: string;
  colFirstSeenIn: string;

  // Sign-off
  signOffIntro: string;
  inspector: string;
  approver: string;
  fieldName: string;
  fieldRole: string;
  fieldDate: string;
  wetSignature: string;
  noApprover: string;
  digitalSignature: string;
  sigSigner: string;
  sigSubject: string;
  sigIssuer: string;
  sigFingerprint: string;
  sigSelfIssued: string;
  sigOrganisationPki: string;
  sigNone: string;
  sigVerifyHint: string;
  /** The signature dictionary's /Reason for the inspector's signature. */
  sigReason: (reportId: string) => string;
  /** The countersignature dictionary's /Reason. */
  countersignReason: string;
  sigBoxTitle: (role: string) => string;
  sigBoxSigner: string;
  sigBoxTime: string;
  sigBoxReason: string;
  sigBoxLocation: string;
  sigBoxFingerprint: string;
  sigBoxCountersignSlot: string;
  sigCertificate: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const EN: ReportStrings = {
  reportTitle: 'Secure room audit report',
  classificationBanner: (label) => label.toUpperCase(),
  footerPage: (page, total) => `Page ${page} of ${total}`,
  formatDate: (iso) => iso,
  formatCount: plural,
  listSeparator: ', ',
  qualified: (text, qualifier) => `${text} (${qualifier})`,
  tagList: (tags) => (tags.length ? ` [${tags.join(', ')}]` : ''),
  ownerAndDue: (owner, due) => `Owner: ${owner}   Due: ${due}`,
  none: 'None',
  notRecorded: 'Not recorded',
  unknown: 'Unknown',

  coverOrganisation: 'Organisation',
  coverUnit: 'Unit',
  coverSite: 'Site',
  coverRooms: 'Rooms inspected',
  coverAuditTitle: 'Audit',
  coverAuditPeriod: 'Audit period',
  coverReportId: 'Report ID',
  coverRecordId: 'Record ID (SHA-256)',
  coverGenerated: 'Generated',
  coverInspectors: 'Audit team',
  coverClassification: 'Classification',
  coverStatus: 'Audit status',
  coverChecklist: 'Checklist',
  reportIdVersion: (id, version) => `${id || 'unnumbered'}, version ${version}`,
  coverHandling:
    'Handle this report according to the classification marked on every page. Do not copy it or take it out of controlled areas without authorisation.',
  contents: 'Contents',
  continued: (title) => `${title} (continued)`,

  sectionSummary: 'Executive summary',
  sectionScope: 'Objectives, scope and criteria',
  sectionComparison: 'Comparison with the previous audit',
  sectionFindings: 'Findings by severity',
  sectionRemediation: 'Remediation plan',
  appendixInventory: 'Appendix A: Inventory',
  appendixSanitization: 'Appendix B: Sanitization records',
  appendixReconciliation: 'Appendix C: Reconciliation exceptions',
  appendixPhotos: 'Appendix D: Photos',
  appendixCharacters: 'Appendix E: Characters that could not be shown',
  sectionSignOff: 'Sign-off',

  overallJudgement: 'Overall judgement',
  judgementUnsatisfactory: (u) =>
    `Not satisfactory: ${plural(u.total, 'high-severity finding is', 'high-severity findings are')} unresolved (${EN.unresolvedSplit(u)}).`,
  judgementReservations: (u) =>
    `Satisfactory with reservations: no high-severity finding is unresolved; ${plural(u.total, 'medium or low finding is', 'medium or low findings are')} (${EN.unresolvedSplit(u)}).`,
  judgementSatisfactory: 'Satisfactory: no finding is unresolved.',
  unresolvedSplit: (u) => `${u.open} open, ${u.inRemediation} in remediation`,
  conformityLine: (c) =>
    c.checked === 0
      ? 'No applicable item was checked.'
      : `${c.passed} of ${plural(c.checked, 'item', 'items')} checked passed (${conformityPercent(c)} %).`,
  countsTitle: 'Findings by severity and status',
  severityColumn: 'Severity',
  total: 'Total',
  chartTitle: 'Findings by severity',
  keyRisks: 'Key risks',
  noKeyRisks: 'No finding is unresolved.',
  atAGlance: 'At a glance',
  glanceDevices: 'Devices inspected',
  glanceRooms: 'Rooms',
  glanceRacks: 'Racks',
  glanceAnswers: (pass, fail, na, unchecked) =>
    `${pass} passed, ${fail} failed, ${na} not applicable, ${unchecked} not checked`,
  glanceExposed: 'Idle or decommissioning devices still powered and connected',
  glanceNotFound: 'Registered devices not found',
  glanceUnexpected: 'Unregistered devices found',
  glanceWrongLocation: 'Devices in the wrong location',
  glanceFindings: 'Findings',

  objectives: 'Audit objectives',
  auditClient: 'Audit client',
  auditees: 'Auditees',
  notStated: 'Not stated in this audit',
  auditTeam: 'Audit team',
  auditScope: 'Audit scope',
  auditScopeValue: (rooms, racks, devices) =>
    `${plural(rooms, 'room', 'rooms')}, ${plural(racks, 'rack', 'racks')} and ${plural(devices, 'device', 'devices')} (listed in Appendix A), as recorded when the audit started.`,
  auditCriteria: 'Audit criteria',
  criteriaValue: (checklist) => `The checklist ${checklist}; each item cites its control basis.`,
  controlBases: 'Control bases',
  datesAndPlaces: 'Dates and places',
  timeZone: 'Time zone',
  timeZoneRecorded: (zone, offset) =>
    `${zone} (UTC${offset}), recorded with the audit; every time in this report is shown in it.`,
  timeZoneFallback: (zone, offset) =>
    `This audit did not record its time zone; times are shown in ${zone} (UTC${offset}), the zone of the computer that made this report.`,
  checklist: 'Checklist',
  checklistLine: (name, version, items) => `${name}, version ${version} (${items} check items)`,
  roomsAndRacks: 'Rooms and racks',
  colRoom: 'Room',
  colBuildingFloor: 'Building / floor',
  colClassification: 'Classification',
  colRacks: 'Racks',
  colRack: 'Rack / U',
  colDevices: 'Devices',
  inspectors: 'Audit team',
  auditPeriod: 'Audit period',
  auditPeriodValue: (start, end) => (end ? `${start} to ${end}` : `from ${start} (not completed)`),
  method: 'Method',
  methodText:
    'The inspectors walked each room rack by rack and checked every device against the checklist items that apply to its type, and the room itself against the room-level items. Recorded fields (lifecycle status, power and network state, credentials, firmware and support dates, media) were compared with what was observed; photos were taken as evidence. The inventory register was reconciled with the devices found in the room.',
  limits: 'Limits',
  limitsText:
    'The audit reports what was observed on the audit dates. It did not include penetration testing, log review beyond what is stated in the findings, or inspection inside sealed equipment.',
  limitUnchecked: (n, where) =>
    `${plural(n, 'item was', 'items were')} not checked; each is listed in ${where}.`,
  limitNotFound: (n) =>
    `${plural(n, 'registered device was', 'registered devices were')} not found and could not be checked.`,
  limitReopened: (n) => `The audit was reopened ${plural(n, 'time', 'times')} after completion.`,

  sectionConformity: 'Conformity',
  conformityIntro:
    'Conformity is the share of items checked that passed: items answered pass or fail. Items not applicable to a device and items not checked are counted apart.',
  conformityByRoom: 'Conformity by room',
  colPassed: 'Passed',
  colFailed: 'Failed',
  colNa: 'Not applicable',
  colNotChecked: 'Not checked',
  colConformity: 'Conformity',
  notCheckedItems: 'Items not checked',
  notCheckedIntro:
    'Items of the audit that were not answered pass, fail or not applicable, in walk order.',
  allChecked: 'Every item of the audit was checked.',
  colItem: 'Item',

  sectionConclusions: 'Conclusions and follow-up',
  conclusions: 'Audit conclusions',
  conclusionConformity: (c, below) =>
    `${EN.conformityLine(c)}${below > 0 ? ` ${plural(below, 'room has', 'rooms have')} failed items.` : ''}`,
  conclusionRecurring: (recurring, overdue) =>
    `Of the unresolved findings, ${recurring} ${recurring === 1 ? 'is' : 'are'} recurring (found by an earlier audit) and ${overdue} ${overdue === 1 ? 'is' : 'are'} overdue.`,
  followUp: 'Follow-up',
  followUpUnresolved: (n) =>
    `${plural(n, 'unresolved finding is', 'unresolved findings are')} carried into the next audit of these rooms, which re-checks each and records it as resolved, recurring or not re-checked. Owners report progress on the remediation plan to the approver.`,
  followUpNone:
    'No finding is unresolved; the next audit starts from this audit’s inventory as its baseline.',
  nextAuditDue: (date, days) =>
    `The next audit of these rooms is due by ${date} (every ${days} days).`,
  distribution: 'Distribution list',
  distributionNone: 'No distribution list was given when this version was signed.',

  firstAudit: 'First audit of this room',
  firstAuditText:
    'There is no previous audit to compare with. This audit is the baseline for the next one.',
  previousAudit: (title, date) => `Previous audit: ${title}, completed ${date}.`,
  findingChanges: 'Findings since the previous audit',
  inventoryChanges: 'Inventory changes',
  changeNew: 'New',
  changeResolved: 'Resolved',
  changeRecurring: 'Recurring',
  changeOverdue: 'Overdue',
  changeAdded: 'Added',
  changeMissing: 'Not found',
  changeMoved: 'Wrong location',
  changeStatus: 'Status changed',
  changeNotRechecked: 'Not re-checked',
  changeUnexpected: 'Unexpected',
  changeRemoved: 'No longer listed',
  changeRelocated: 'Relocated in records',
  newFindingsNote: 'New findings are marked NEW in the findings section.',
  reappeared: 'came back after closure',
  notSeenAgain: 'Not seen again',
  overdueElsewhere: (n) =>
    `${n} findings are past their due date and not yet remediated; each is marked overdue in the remediation plan.`,
  recurringElsewhere: (n) =>
    `${n} findings were already found in the previous audit; each is marked RECURRING in the findings section, with the audit that first found it.`,
  colDevice: 'Device',
  colFrom: 'Before',
  colTo: 'Now',
  colFinding: 'Finding',
  colFirstSeen: 'First seen',
  colDue: 'Due',
  colStatus: 'Status',
  colSeverity: 'Severity',

  severityGroup: (label, n) => `${label}: ${plural(n, 'finding', 'findings')}`,
  noFindings: 'No findings were raised at this severity.',
  fieldCheck: 'Check',
  fieldBasis: 'Control basis',
  fieldDevice: 'Device',
  fieldLocation: 'Location',
  fieldOwner: 'Owner',
  fieldDue: 'Due',
  fieldStatus: 'Status',
  fieldDetail: 'Observation',
  fieldRemediation: 'Remediation',
  fieldStatusReason: 'Closure note',
  fieldRiskAccepted: 'Risk acceptance',
  fieldSeverityChange: 'Severity changed',
  severityChangeLine: (from, to, reason, by) => `${from} → ${to} by ${by}: ${reason}`,
  fieldEvidence: 'Evidence',
  fieldFirstSeen: 'First seen',
  tagNew: 'NEW',
  tagRecurring: 'RECURRING',
  tagOverdue: 'OVERDUE',
  manualFinding: 'Raised by hand (not a checklist item)',
  roomLevel: 'The room as a whole',
  rackPosition: (rack, u) => (u === null ? `rack ${rack}` : `rack ${rack}, U${u}`),
  imageUnavailable: 'Image could not be shown',

  remediationIntro:
    'Every finding not yet closed, by due date. Overdue items are marked; owners report progress to the approver.',
  colNo: 'No.',
  colOwner: 'Owner',
  colLastSeen: 'Last seen in use',
  colDueDate: 'Due date',
  overdueMark: 'overdue',

  colAssetTag: 'Asset tag',
  colName: 'Name',
  colType: 'Type',
  colLocation: 'Location',
  colPowerNetwork: 'Power / network',
  colMethod: 'Method',
  colTool: 'Tool',
  colVerifiedBy: 'Verified by',
  colWitness: 'Witness',
  colDate: 'Date',
  colCertificate: 'Certificate',
  colDestination: 'Destination',
  colResult: 'Result',
  colNote: 'Note',
  noSanitization: 'No device in this audit has a sanitization record.',
  noReconciliationExceptions: 'Every registered device was found where the register places it.',
  noPhotos: 'No photos were recorded in this audit.',
  photoFile: 'File',
  photoHash: 'SHA-256',
  photoFinding: 'Finding',
  charactersIntro:
    'No font embedded in this report has a glyph for the characters below. Each is printed as □ wherever it occurs; the text of this PDF (search, copy) and the embedded audit data keep the original characters.',
  colCharacter: 'Printed as',
  colCodePoint: 'Character',
  colFirstSeenIn: 'First occurrence',

  signOffIntro:
    'The inspector confirms that this report records what was observed. The approver confirms that the findings and the remediation plan have been reviewed.',
  inspector: 'Inspector',
  approver: 'Approver',
  fieldName: 'Name',
  fieldRole: 'Role',
  fieldDate: 'Date',
  wetSignature: 'Signature (printed copies)',
  noApprover: 'No approver is named in this audit.',
  digitalSignature: 'Digital signature',
  sigSigner: 'Signer',
  sigSubject: 'Certificate subject',
  sigIssuer: 'Issuer',
  sigFingerprint: 'SHA-256 fingerprint',
  sigSelfIssued:
    'Self-issued certificate: it was not issued by the organisation’s PKI. Compare its fingerprint with the one the inspector gives you before relying on the signature.',
  sigOrganisationPki:
    'Issued by a certificate authority; check that it is one your organisation trusts.',
  sigNone: 'This copy carries no digital signature.',
  sigVerifyHint:
    'The signature covers the whole PDF, including the embedded audit data. Verify it with Roomcheck (“Verify a report”) or any PAdES-capable reader.',
  sigReason: (id) => `Security audit report ${id}`,
  countersignReason: 'Approved',
  sigBoxTitle: (role) => `Digital signature: ${role}`,
  sigBoxSigner: 'Signed by',
  sigBoxTime: 'Time',
  sigBoxReason: 'Reason',
  sigBoxLocation: 'Location',
  sigBoxFingerprint: 'Certificate',
  sigBoxCountersignSlot:
    'The approver’s digital countersignature appears here once the report is countersigned.',
  sigCertificate: 'Signing certificate',
};

export const ZH: ReportStrings = {
  reportTitle: '涉密机房保密检查报告',
  classificationBanner: (label) => label,
  footerPage: (page, total) => `第 ${page} 页 共 ${total} 页  ·  Page ${page} of ${total}`,
  formatDate: (iso) => {
    const [y, m, d] = iso.split('-');
    return y && m && d ? `${y}年${Number(m)}月${Number(d)}日` : iso;
  },
  formatCount: (n, one) => `${n} ${one}`,
  listSeparator: '、',
  qualified: (text, qualifier) => `${text}（${qualifier}）`,
  tagList: (tags) => (tags.length ? `【${tags.join('、')}】` : ''),
  ownerAndDue: (owner, due) => `责任人：${owner}    整改期限：${due}`,
  none: '无',
  notRecorded: '未记录',
  unknown: '未知',

  coverOrganisation: '单位',
  coverUnit: '部门',
  coverSite: '场所',
  coverRooms: '受检机房',
  coverAuditTitle: '检查名称',
  coverAuditPeriod: '检查时间',
  coverReportId: '报告编号',
  coverRecordId: '记录 ID（SHA-256）',
  coverGenerated: '生成时间',
  coverInspectors: '检查组',
  coverClassification: '密级',
  coverStatus: '检查状态',
  coverChecklist: '检查表',
  reportIdVersion: (id, version) => `${id || '未编号'}，第 ${version} 版`,
  coverHandling: '本报告按每页标注的密级管理，未经批准不得复制，不得带离受控区域。',
  contents: '目录',
  continued: (title) => `${title}（续）`,

  sectionSummary: '检查结论摘要',
  sectionScope: '检查目的、范围和依据',
  sectionComparison: '与上次检查的对比',
  sectionFindings: '问题清单（按严重程度）',
  sectionRemediation: '整改计划',
  appendixInventory: '附录A  设备清单',
  appendixSanitization: '附录B  数据清除记录',
  appendixReconciliation: '附录C  清点异常',
  appendixPhotos: '附录D  照片',
  appendixCharacters: '附录E  无法显示的字符',
  sectionSignOff: '签署',

  overallJudgement: '总体结论',
  judgementUnsatisfactory: (u) =>
    `不合格：仍有 ${u.total} 项高风险问题未解决（${ZH.unresolvedSplit(u)}）。`,
  judgementReservations: (u) =>
    `基本合格：无未解决的高风险问题，仍有 ${u.total} 项中、低风险问题未解决（${ZH.unresolvedSplit(u)}）。`,
  judgementSatisfactory: '合格：所有问题均已解决。',
  unresolvedSplit: (u) => `未整改 ${u.open} 项，整改中 ${u.inRemediation} 项`,
  conformityLine: (c) =>
    c.checked === 0
      ? '没有检查任何适用的检查项。'
      : `已检查的 ${c.checked} 个检查项中 ${c.passed} 项通过（${conformityPercent(c)}%）。`,
  countsTitle: '问题数量（按严重程度和状态）',
  severityColumn: '严重程度',
  total: '合计',
  chartTitle: '各严重程度问题数量',
  keyRisks: '主要风险',
  noKeyRisks: '无未解决的问题。',
  atAGlance: '概况',
  glanceDevices: '受检设备',
  glanceRooms: '机房',
  glanceRacks: '机柜',
  glanceAnswers: (pass, fail, na, unchecked) =>
    `通过 ${pass} 项，不通过 ${fail} 项，不适用 ${na} 项，未检查 ${unchecked} 项`,
  glanceExposed: '仍通电联网的闲置或退役中设备',
  glanceNotFound: '已登记但未找到的设备',
  glanceUnexpected: '发现的未登记设备',
  glanceWrongLocation: '位置与登记不符的设备',
  glanceFindings: '问题',

  objectives: '检查目的',
  auditClient: '检查委托方',
  auditees: '受检方',
  notStated: '本次检查未说明',
  auditTeam: '检查组',
  auditScope: '检查范围',
  auditScopeValue: (rooms, racks, devices) =>
    `${rooms} 个机房、${racks} 个机柜、${devices} 台设备（见附录A），以检查开始时的记录为准。`,
  auditCriteria: '检查依据',
  criteriaValue: (checklist) => `检查表：${checklist}；每个检查项均注明其依据。`,
  controlBases: '引用的依据',
  datesAndPlaces: '时间和地点',
  timeZone: '时区',
  timeZoneRecorded: (zone, offset) =>
    `${zone}（UTC${offset}），随检查记录；本报告中的时间均按此时区显示。`,
  timeZoneFallback: (zone, offset) =>
    `本次检查未记录时区；时间按生成本报告的计算机所在时区 ${zone}（UTC${offset}）显示。`,
  checklist: '检查表',
  checklistLine: (name, version, items) => `${name}，第 ${version} 版（共 ${items} 个检查项）`,
  roomsAndRacks: '机房与机柜',
  colRoom: '机房',
  colBuildingFloor: '楼宇/楼层',
  colClassification: '密级',
  colRacks: '机柜',
  colRack: '机柜/U位',
  colDevices: '设备数',
  inspectors: '检查组',
  auditPeriod: '检查时间',
  auditPeriodValue: (start, end) => (end ? `${start} 至 ${end}` : `自 ${start} 起（未完成）`),
  method: '检查方法',
  methodText:
    '检查人员逐个机房、逐个机柜开展检查，按设备类型对每台设备逐项核对适用的检查项，并对机房整体核对机房级检查项。将登记信息（生命周期状态、通电和联网状态、口令、固件及厂商支持期限、存储介质）与现场情况进行比对，并拍照留存证据；同时将设备台账与现场实际设备进行清点核对。',
  limits: '局限性说明',
  limitsText:
    '本报告反映检查期间的现场情况，不包括渗透测试、问题描述以外的日志审查，也未打开封装设备进行内部检查。',
  limitUnchecked: (n, where) => `有 ${n} 个检查项未检查，逐项列于“${where}”。`,
  limitNotFound: (n) => `有 ${n} 台已登记设备未找到，无法检查。`,
  limitReopened: (n) => `检查完成后曾重新打开 ${n} 次。`,

  sectionConformity: '符合情况',
  conformityIntro:
    '符合率是已检查项（结论为通过或不通过）中通过项所占的比例；不适用项和未检查项另行统计。',
  conformityByRoom: '各机房符合情况',
  colPassed: '通过',
  colFailed: '不通过',
  colNa: '不适用',
  colNotChecked: '未检查',
  colConformity: '符合率',
  notCheckedItems: '未检查项',
  notCheckedIntro: '本次检查中未给出通过、不通过或不适用结论的检查项，按检查顺序排列。',
  allChecked: '本次检查的所有检查项均已检查。',
  colItem: '检查项',

  sectionConclusions: '检查结论与后续跟踪',
  conclusions: '检查结论',
  conclusionConformity: (c, below) =>
    `${ZH.conformityLine(c)}${below > 0 ? `有 ${below} 个机房存在不通过项。` : ''}`,
  conclusionRecurring: (recurring, overdue) =>
    `未解决问题中有 ${recurring} 项重复出现（以往检查已发现），${overdue} 项逾期。`,
  followUp: '后续跟踪',
  followUpUnresolved: (n) =>
    `${n} 项未解决问题将带入这些机房的下一次检查，逐项复查并记录为已解决、重复出现或未复查。责任人向审批人报告整改计划的进展。`,
  followUpNone: '无未解决问题；下一次检查以本次检查的设备清单为基准。',
  nextAuditDue: (date, days) => `这些机房的下一次检查应于 ${date} 前完成（每 ${days} 天一次）。`,
  distribution: '分发范围',
  distributionNone: '签署本版本时未填写分发范围。',

  firstAudit: '本机房首次检查',
  firstAuditText: '无上次检查可供对比，本次检查作为下次检查的基准。',
  previousAudit: (title, date) => `上次检查：${title}，完成于${date}。`,
  findingChanges: '与上次检查相比的问题变化',
  inventoryChanges: '设备变化',
  changeNew: '新增',
  changeResolved: '已解决',
  changeRecurring: '重复出现',
  changeOverdue: '逾期',
  changeAdded: '新增设备',
  changeMissing: '未找到',
  changeMoved: '位置不符',
  changeStatus: '状态变化',
  changeNotRechecked: '未复查',
  changeUnexpected: '意外设备',
  changeRemoved: '不再登记',
  changeRelocated: '登记位置变动',
  newFindingsNote: '新增问题在问题清单中标注“新增”。',
  reappeared: '关闭后再次出现',
  notSeenAgain: '本次未再发现',
  overdueElsewhere: (n) => `${n} 项问题已超过整改期限仍未整改，均已在整改计划中标注“已逾期”。`,
  recurringElsewhere: (n) =>
    `${n} 项问题在上次检查中已发现，均已在问题清单中标注“重复出现”及首次发现的检查。`,
  colDevice: '设备',
  colFrom: '上次',
  colTo: '本次',
  colFinding: '问题',
  colFirstSeen: '首次发现',
  colDue: '整改期限',
  colStatus: '状态',
  colSeverity: '严重程度',

  severityGroup: (label, n) => `${label}风险问题：${n} 项`,
  noFindings: '本级别无问题。',
  fieldCheck: '检查项',
  fieldBasis: '依据',
  fieldDevice: '设备',
  fieldLocation: '位置',
  fieldOwner: '责任人',
  fieldDue: '整改期限',
  fieldStatus: '状态',
  fieldDetail: '问题描述',
  fieldRemediation: '整改要求',
  fieldStatusReason: '关闭说明',
  fieldRiskAccepted: '风险接受说明',
  fieldSeverityChange: '严重程度调整',
  severityChangeLine: (from, to, reason, by) => `${from} → ${to}（${by}）：${reason}`,
  fieldEvidence: '证据',
  fieldFirstSeen: '首次发现',
  tagNew: '新增',
  tagRecurring: '重复出现',
  tagOverdue: '逾期',
  manualFinding: '手工记录（非检查项）',
  roomLevel: '机房整体',
  rackPosition: (rack, u) => (u === null ? `${rack} 机柜` : `${rack} 机柜 U${u}`),
  imageUnavailable: '图片无法显示',

  remediationIntro: '所有未关闭的问题按整改期限排列，逾期项已标注；责任人向审批人报告整改进展。',
  colNo: '编号',
  colOwner: '责任人',
  colLastSeen: '最近使用',
  colDueDate: '整改期限',
  overdueMark: '已逾期',

  colAssetTag: '资产编号',
  colName: '名称',
  colType: '类型',
  colLocation: '位置',
  colPowerNetwork: '通电/联网',
  colMethod: '方式',
  colTool: '工具',
  colVerifiedBy: '核验人',
  colWitness: '监督人',
  colDate: '日期',
  colCertificate: '证明编号',
  colDestination: '去向',
  colResult: '结果',
  colNote: '说明',
  noSanitization: '本次检查中没有设备的数据清除记录。',
  noReconciliationExceptions: '所有登记设备均在登记位置找到。',
  noPhotos: '本次检查未拍摄照片。',
  photoFile: '文件',
  photoHash: 'SHA-256',
  photoFinding: '对应问题',
  charactersIntro:
    '本报告内嵌的字体中没有下列字符的字形，这些字符在报告中一律显示为 □；PDF 的文字层（搜索、复制）和内嵌的检查数据仍保留原字符。',
  colCharacter: '显示为',
  colCodePoint: '字符',
  colFirstSeenIn: '首次出现于',

  signOffIntro: '检查人确认本报告如实记录了检查情况；审批人确认已审阅问题清单和整改计划。',
  inspector: '检查人',
  approver: '审批人',
  fieldName: '姓名',
  fieldRole: '职务',
  fieldDate: '日期',
  wetSignature: '签字（纸质件）',
  noApprover: '本次检查未指定审批人。',
  digitalSignature: '数字签名',
  sigSigner: '签名人',
  sigSubject: '证书主题',
  sigIssuer: '签发者',
  sigFingerprint: 'SHA-256 指纹',
  sigSelfIssued:
    '自签发证书：该证书并非由本单位PKI签发。在信赖该签名之前，请与检查人当面核对证书指纹。',
  sigOrganisationPki: '由证书颁发机构签发；请确认该机构为本单位信任的机构。',
  sigNone: '本文件未进行数字签名。',
  sigVerifyHint:
    '数字签名覆盖整个PDF文件，包括内嵌的检查数据。可使用Roomcheck的“验证报告”功能或支持PAdES的阅读器进行验证。',
  sigReason: (id) => `涉密机房保密检查报告 ${id}`,
  countersignReason: '审批同意',
  sigBoxTitle: (role) => `数字签名：${role}`,
  sigBoxSigner: '签名人',
  sigBoxTime: '时间',
  sigBoxReason: '事由',
  sigBoxLocation: '地点',
  sigBoxFingerprint: '证书',
  sigBoxCountersignSlot: '审批人会签后，其数字签名显示在此处。',
  sigCertificate: '签名证书',
};

export const REPORT_STRINGS: Readonly<Record<Lang, ReportStrings>> = { en: EN, zh: ZH };
