import { describe, expect, it } from 'vitest';
import { nextSignatureSlot } from '../../../../main/signing/countersign.ts';
import { SIGNATURE_BOX } from '../../../../shared/report/signature-box.ts';

// Where a countersignature's box goes: beside the inspector's, then on the row below, within
// the rows the sign-off page keeps free; nowhere (invisible) when there is no room or no
// visible signature to line up with.

const { width: w, height: h, gap } = SIGNATURE_BOX;
const first: [number, number, number, number] = [51, 300, 51 + w, 300 + h];

describe('nextSignatureSlot', () => {
  it('fills the slot beside the first box, then the row below, left to right', () => {
    const second = nextSignatureSlot([first], 595.28);
    expect(second).toEqual([51 + w + gap, 300, 51 + 2 * w + gap, 300 + h]);
    const third = nextSignatureSlot([first, second!], 595.28);
    expect(third).toEqual([51, 300 - h - gap, 51 + w, 300 - gap]);
    const fourth = nextSignatureSlot([first, second!, third!], 595.28);
    expect(fourth?.[0]).toBe(51 + w + gap);
    expect(nextSignatureSlot([first, second!, third!, fourth!], 595.28)).toBeNull();
  });

  it('never leaves the page, and needs a visible signature to line up with', () => {
    const low: [number, number, number, number] = [51, 30, 51 + w, 30 + h];
    const beside = nextSignatureSlot([low], 595.28);
    expect(beside?.[1]).toBe(30);
    expect(nextSignatureSlot([low, beside!], 595.28)).toBeNull(); // the row below is off the page
    expect(nextSignatureSlot([low], 300)).toBeNull(); // too narrow for a second column
    expect(nextSignatureSlot([[0, 0, 0, 0]], 595.28)).toBeNull();
    expect(nextSignatureSlot([], 595.28)).toBeNull();
  });
});
