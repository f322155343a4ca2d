import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../../../shared/domain/enums.ts';
import { rankRisks, type RiskFacts } from '../../../../shared/findings/risk-rank.ts';

type F = RiskFacts & { no: string };
const f = (no: string, facts: Partial<RiskFacts>): F => ({
  no,
  severity: 'high',
  recurring: false,
  overdue: false,
  dataBearing: false,
  ...facts,
});
const rank = (list: F[], limit?: number) => rankRisks(list, (x) => x, limit).map((x) => x.no);

describe('key-risk ranking', () => {
  it('severity first, then recurring and overdue, then data-bearing devices, then given order', () => {
    const list = [
      f('M-01', { severity: 'medium', recurring: true, overdue: true, dataBearing: true }),
      f('H-01', {}),
      f('H-02', { dataBearing: true }),
      f('H-03', { overdue: true }),
      f('H-04', { recurring: true, overdue: true }),
      f('H-05', { recurring: true }),
      f('L-01', { severity: 'low', dataBearing: true }),
      f('H-06', { recurring: true, dataBearing: true }),
    ];
    expect(rank(list)).toEqual(['H-04', 'H-06', 'H-03', 'H-05', 'H-02', 'H-01', 'M-01', 'L-01']);
    expect(rank(list, 3)).toEqual(['H-04', 'H-06', 'H-03']);
  });

  it('is a stable total order: a permutation, never a higher severity after a lower one', () => {
    const facts = fc.record({
      severity: fc.constantFrom(...SEVERITIES),
      recurring: fc.boolean(),
      overdue: fc.boolean(),
      dataBearing: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 40 }), (raw) => {
        const list = raw.map((x, i) => f(String(i), x));
        const ranked = rankRisks(list, (x) => x);
        expect([...ranked].sort((a, b) => Number(a.no) - Number(b.no))).toEqual(list);
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1]!, ranked[i]!];
          const sev = SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
          expect(sev).toBeLessThanOrEqual(0);
          if (sev === 0) {
            const weight = (x: F) => Number(x.recurring) + Number(x.overdue);
            expect(weight(a)).toBeGreaterThanOrEqual(weight(b));
            if (weight(a) === weight(b) && a.dataBearing === b.dataBearing)
              expect(Number(a.no)).toBeLessThan(Number(b.no));
          }
        }
      }),
    );
  });
});
