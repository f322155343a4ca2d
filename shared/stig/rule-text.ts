import type { AnswerResult, Severity } from '../domain/enums.ts';
import type { CheckItem, EvidenceMeta, Finding } from '../domain/schemas.ts';
import { label } from '../i18n/labels.ts';
import { type Lang } from '../i18n/lang.ts';

// The prose of an exported rule. Check items carry one sentence, a severity and a control basis
// but no check or fix text of their own, so until they do, both are generated from the item's
// sentence in the checklist's language; the rule's discussion gives the sentence in the other
// language and the control basis. A finding's record is spelled out in finding_details, since
// STIG tools have nowhere else to keep it.

const PHRASES = {
  en: {
    room: 'the room',
    device: 'the device',
    check: (subject: string, text: string) =>
      `Inspect ${subject}: ${text}\n\nIf this is not so, this is a finding.`,
    fix: (subject: string, text: string) => `Bring ${subject} into line with: ${text}`,
    colon: ': ',
    basis: 'Control basis',
    finding: 'Finding',
    remediation: 'Remediation',
    owner: 'Owner',
    due: 'due',
    noDue: 'no due date',
    status: 'status',
    photo: 'Photo',
    suggestion: 'Rule suggestion',
    severityChanged: 'Severity changed',
  },
  zh: {
    room: '机房',
    device: '设备',
    check: (subject: string, text: string) => `检查${subject}：${text}\n\n如不符合，即为问题。`,
    fix: (subject: string, text: string) => `整改${subject}，使其符合：${text}`,
    colon: '：',
    basis: '控制依据',
    finding: '问题',
    remediation: '整改措施',
    owner: '负责人',
    due: '期限',
    noDue: '无期限',
    status: '状态',
    photo: '照片',
    suggestion: '规则建议',
    severityChanged: '严重程度变更',
  },
} as const;

type SubjectKind = 'room' | 'device';

export function checkText(item: CheckItem, subject: SubjectKind, lang: Lang): string {
  const p = PHRASES[lang];
  return p.check(p[subject], item.text[lang]);
}

export function fixText(item: CheckItem, subject: SubjectKind, lang: Lang): string {
  const p = PHRASES[lang];
  return p.fix(p[subject], item.text[lang]);
}

export function discussionText(item: CheckItem, lang: Lang): string {
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  const p = PHRASES[lang];
  return `${item.text[other]}\n\n${p.basis}${p.colon}${item.basis}`;
}

const severityWord = (severity: Severity, lang: Lang) =>
  `${label('severity', severity, lang)} (${label('severityCat', severity, lang)})`;

/** One finding as lines of finding_details: title, detail, plan, photos with their SHA-256. */
function findingLines(finding: Finding, photos: readonly EvidenceMeta[], lang: Lang): string[] {
  const p = PHRASES[lang];
  const lines = [
    `${p.finding}${p.colon}${finding.title} (${severityWord(finding.severity, lang)}; ${p.status} ${label('findingStatus', finding.status, lang)})`,
  ];
  if (finding.detail) lines.push(finding.detail);
  if (finding.remediation) lines.push(`${p.remediation}${p.colon}${finding.remediation}`);
  if (finding.owner || finding.dueDate) {
    lines.push(
      `${p.owner}${p.colon}${finding.owner || '-'}; ${finding.dueDate ? `${p.due} ${finding.dueDate}` : p.noDue}`,
    );
  }
  for (const change of finding.severityChanges) {
    lines.push(
      `${p.severityChanged}${p.colon}${label('severity', change.from, lang)} -> ${label('severity', change.to, lang)} (${change.reason})`,
    );
  }
  for (const photo of photos)
    lines.push(`${p.photo}${p.colon}${photo.fileName} SHA-256 ${photo.sha256}`);
  return lines;
}

export type FindingDetailsInput = {
  findings: readonly Finding[];
  photosOf: (findingId: string) => readonly EvidenceMeta[];
  /** A rule's pre-judgement of the item, when one was made. */
  prejudged: { result: AnswerResult; reason: string } | null;
};

export function findingDetailsText(input: FindingDetailsInput, lang: Lang): string {
  const blocks = input.findings.map((f) => findingLines(f, input.photosOf(f.id), lang).join('\n'));
  if (input.prejudged) {
    blocks.push(
      `${PHRASES[lang].suggestion}${PHRASES[lang].colon}${label('answerResult', input.prejudged.result, lang)} (${input.prejudged.reason})`,
    );
  }
  return blocks.join('\n\n');
}
