// Usage: node --max-old-space-size=MB --import tsx read-worst-cases.ts
// Reads every worst-case checklist in turn and prints "<name>\t<outcome>" for each: run under a
// small V8 heap, a reader whose memory grows with the input beyond a few copies of it dies here.
import { ImportError } from '../../../../../shared/import/messages.ts';
import { readChecklistFile } from '../../../../../shared/stig/read-checklist.ts';
import { WORST_CASES } from '../hostile-inputs.ts';

for (const [name, worst] of Object.entries(WORST_CASES)) {
  let outcome: string;
  try {
    readChecklistFile(worst.input());
    outcome = 'read';
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    outcome = err.detail.code;
  }
  process.stdout.write(`${name}\t${outcome}\n`);
}
