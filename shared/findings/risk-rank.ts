import { SEVERITIES, type Severity } from '../domain/enums.ts';

// The order of the report's key risks (issue 12): the riskiest first, not the first found.
// Severity first; within a severity, a finding that is both recurring and overdue before one
// that is either, before one that is neither; then findings on data-bearing devices, whose
// failure can expose secrets, before the rest. Ties keep the order given (the report's own
// numbering), so the list is stable and every report of an audit says the same.

export type RiskFacts = {
  severity: Severity;
  /** Seen in an earlier audit and still not resolved. */
  recurring: boolean;
  /** Open past its due date. */
  overdue: boolean;
  /** About a device that holds data (isDataBearing). */
  dataBearing: boolean;
};

function compareRisk(a: RiskFacts, b: RiskFacts): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    Number(b.recurring) + Number(b.overdue) - (Number(a.recurring) + Number(a.overdue)) ||
    Number(b.dataBearing) - Number(a.dataBearing)
  );
}

/** The findings in key-risk order, at most `limit` of them; a new array, the input untouched. */
export function rankRisks<T>(
  findings: readonly T[],
  facts: (finding: T) => RiskFacts,
  limit = Infinity,
): T[] {
  return findings
    .map((finding, index) => ({ finding, index, facts: facts(finding) }))
    .sort((a, b) => compareRisk(a.facts, b.facts) || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.finding);
}
