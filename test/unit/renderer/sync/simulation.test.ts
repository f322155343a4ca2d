import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../../hub/simulation.ts';
import { startTestHub, type TestHub } from '../../../hub/test-hub.ts';

// A small version of the 50-replica benchmark (npm run bench -- hub), kept small so the unit
// suite stays fast on two cores: the same code, the same assertions.

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

describe('replicas syncing with random disconnects and restarts', () => {
  it('deliver every audit once and byte-identical, lose no edit and converge', async () => {
    const r = await simulate(hub, {
      replicas: 6,
      sites: 2,
      auditsPerReplica: 2,
      editsPerReplica: 5,
      inventoryDocsPerSite: 3,
      seed: 15,
      convergeTimeoutMs: 120_000,
    });
    expect(r.converged).toBe(true);
    expect(r.auditsAtHub).toBe(12);
    expect(r.auditsIdentical).toBe(12);
    expect(r.auditConflicts).toBe(0);
    expect(r.editsMade).toBe(30);
    expect(r.editsKept).toBe(30);
    expect(r.disconnects).toBeGreaterThan(0);
  }, 240_000);
});
