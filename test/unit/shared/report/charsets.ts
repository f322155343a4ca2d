// Character sets the report tests write names with (GB2312: main/scripts/font-subset-charset.ts).

export { gb2312CodePoints } from '../../../../main/scripts/font-subset-charset.ts';

/** Every code point from `from` to `to`, inclusive. */
export function codePointRange(from: number, to: number): number[] {
  const out: number[] = [];
  for (let cp = from; cp <= to; cp++) out.push(cp);
  return out;
}
