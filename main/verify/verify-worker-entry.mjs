// Loads the verifier's worker from TypeScript sources (the CLI, the web mode and tests run
// through tsx); the Electron bundle ships verify-worker.cjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./verify-worker.ts');
