import { z } from 'zod';

// zod 4 probes `new Function` to speed up parsing; the CSP forbids eval, and the probe would
// log a violation on every start. Parse without it.
z.config({ jitless: true });
