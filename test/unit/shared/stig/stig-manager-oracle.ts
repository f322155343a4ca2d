// STIG Manager's own checklist parsers (@nuwcdivnpt/stig-manager-client-modules, MIT), used in
// tests as an independent reader of what Roomcheck exports. The package ships no declarations
// for these functions, so their shape is written here, as far as the tests use it.

export type SmReview = { ruleId: string; result: string; detail: string; comment: string };
export type SmParseResult = {
  target: {
    name: string;
    ip: string;
    mac: string;
    fqdn: string;
    noncomputing: boolean;
    description: string;
  };
  checklists: { benchmarkId: string; revisionStr: string; reviews: SmReview[] }[];
  errors?: string[];
};
type Parse = (input: {
  data: string;
  importOptions: Record<string, unknown>;
  fieldSettings: Record<string, unknown>;
  allowAccept: boolean;
}) => SmParseResult;

const parsers = (await import(
  // A variable specifier: the package's declaration file declares no such exports.
  '@nuwcdivnpt/stig-manager-client-modules' as string
)) as { reviewsFromCkl: Parse; reviewsFromCklb: Parse };

// Keep every rule, reviewed or not, with its text: nothing is filtered away before comparing.
const importOptions = {
  autoStatus: 'saved',
  unreviewed: 'always',
  unreviewedCommented: 'notchecked',
  emptyDetail: 'ignore',
  emptyComment: 'ignore',
  allowCustom: true,
};
const fieldSettings = {
  detail: { enabled: 'always', required: 'optional' },
  comment: { enabled: 'always', required: 'optional' },
};

export function stigManagerReads(format: 'cklb' | 'ckl', data: string): SmParseResult {
  const parse = format === 'cklb' ? parsers.reviewsFromCklb : parsers.reviewsFromCkl;
  return parse({ data, importOptions, fieldSettings, allowAccept: true });
}
