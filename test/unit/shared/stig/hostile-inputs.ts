import type { ImportMessageCode } from '../../../../shared/import/messages.ts';
import { CHECKLIST_LIMITS } from '../../../../shared/stig/read-model.ts';

// Hostile checklists, made on demand: the small frames the hostile tests vary, and the worst
// cases at the size limit, which the heap-bounded run reads under a tight V8 heap.

export const enc = (text: string) => new TextEncoder().encode(text);

export const HEAD =
  '<?xml version="1.0"?><CHECKLIST><ASSET><HOST_NAME>h</HOST_NAME></ASSET><STIGS><iSTIG>' +
  '<STIG_INFO><SI_DATA><SID_NAME>stigid</SID_NAME><SID_DATA>S</SID_DATA></SI_DATA></STIG_INFO>';
export const VULN =
  '<VULN><STIG_DATA><VULN_ATTRIBUTE>Rule_ID</VULN_ATTRIBUTE><ATTRIBUTE_DATA>SV-1</ATTRIBUTE_DATA>' +
  '</STIG_DATA><STATUS>Open</STATUS>';
export const TAIL = '</iSTIG></STIGS></CHECKLIST>';
export const ckl = (vulnBody: string) => enc(`${HEAD}${VULN}${vulnBody}</VULN>${TAIL}`);
export const cklb = (rules: string) =>
  enc(`{"target_data":{"host_name":"h"},"stigs":[{"stig_id":"S","rules":[${rules}]}]}`);

/** Just under the size limit, room left for a frame. */
export const NEAR_LIMIT = CHECKLIST_LIMITS.bytes - 1000;
const DEEP = 1_000_000;
const cklbRule = '{"rule_id_src":"SV-1","status":"open","comments":"c"}';

export type WorstCase = { input: () => Uint8Array; outcome: 'read' | ImportMessageCode };

/** The inputs that would cost most memory in a reader that builds trees, copies or recurses. */
export const WORST_CASES: Record<string, WorstCase> = {
  'ckl, one 32 MB comment': {
    input: () => ckl(`<COMMENTS>${'y'.repeat(CHECKLIST_LIMITS.bytes - 600)}</COMMENTS>`),
    outcome: 'read',
  },
  'cklb, one 32 MB comment': {
    input: () =>
      cklb(
        `{"rule_id_src":"SV-1","status":"open","comments":"${'y'.repeat(CHECKLIST_LIMITS.bytes - 200)}"}`,
      ),
    outcome: 'read',
  },
  'ckl, eight million empty elements': {
    input: () => ckl(`<COMMENTS>${'<a/>'.repeat(NEAR_LIMIT / 4)}</COMMENTS>`),
    outcome: 'read',
  },
  'ckl, six million character references': {
    input: () => ckl(`<COMMENTS>${'&#65;'.repeat(NEAR_LIMIT / 5)}</COMMENTS>`),
    outcome: 'read',
  },
  'ckl, the most rules allowed': {
    input: () => enc(`${HEAD}${`${VULN}</VULN>`.repeat(CHECKLIST_LIMITS.rules)}${TAIL}`),
    outcome: 'read',
  },
  'cklb, the most rules allowed': {
    input: () => cklb(Array(CHECKLIST_LIMITS.rules).fill(cklbRule).join(',')),
    outcome: 'read',
  },
  'cklb, one rule more than allowed': {
    input: () =>
      cklb(
        Array(CHECKLIST_LIMITS.rules + 1)
          .fill('{}')
          .join(','),
      ),
    outcome: 'checklist_too_many',
  },
  'ckl, a million levels deep': {
    input: () => ckl(`<COMMENTS>${'<a>'.repeat(DEEP)}${'</a>'.repeat(DEEP)}</COMMENTS>`),
    outcome: 'checklist_xml_too_deep',
  },
  'cklb, a million levels deep': {
    input: () => enc(`{"stigs":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`),
    outcome: 'json_too_deep',
  },
  'ckl, 200,000 attributes on one tag': {
    input: () => {
      const attributes = Array.from({ length: 200_000 }, (_, i) => `a${i}="x"`).join(' ');
      return enc(`${HEAD}<VULN ${attributes}>${VULN.slice(6)}</VULN>${TAIL}`);
    },
    outcome: 'read',
  },
  'a sea of "<"': { input: () => enc('<'.repeat(NEAR_LIMIT)), outcome: 'checklist_xml_malformed' },
};
