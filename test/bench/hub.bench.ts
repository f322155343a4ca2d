// `npm run bench -- hub`: 50 inspector replicas (5 per site, 10 sites) each push 10 completed
// audits (pinned, content-addressed, 2 KB attachment) to the stand-in hub at once, then make 10
// edits each on their site's 10 shared inventory documents while their live replications are
// cut and restarted at random and 30% of those also close and reopen the replica. Prints
//   BENCH hub.docs_per_s     completed audits pushed per second (all replicas at once)
//   BENCH hub.converge_s     from the last write until every replica equals the hub
// and the checks: every audit once and identical, every edit kept, conflicts surfaced.
import { simulate } from '../hub/simulation.ts';
import { startTestHub } from '../hub/test-hub.ts';

const hub = await startTestHub();
try {
  const r = await simulate(hub, {
    replicas: 50,
    sites: 10,
    auditsPerReplica: 10,
    editsPerReplica: 10,
    inventoryDocsPerSite: 10,
    seed: 2026,
    convergeTimeoutMs: 600_000,
  });
  console.log(`BENCH hub.docs_per_s ${r.docsPerSecond.toFixed(1)} docs/s`);
  console.log(`BENCH hub.converge_s ${r.convergeSeconds.toFixed(1)} s`);
  console.log(
    `# audits ${r.auditsAtHub}/${r.auditsWritten} at the hub, ${r.auditsIdentical} identical, ${r.auditConflicts} in conflict; ` +
      `edits kept ${r.editsKept}/${r.editsMade}; ${r.docsWithConflicts} inventory documents with surfaced conflicts; ` +
      `${r.disconnects} disconnects, ${r.restarts} restarts; converged: ${r.converged}`,
  );
  const ok =
    r.converged &&
    r.auditsAtHub === r.auditsWritten &&
    r.auditsIdentical === r.auditsWritten &&
    r.auditConflicts === 0 &&
    r.editsKept === r.editsMade;
  if (!ok) process.exitCode = 1;
} finally {
  await hub.stop();
}
