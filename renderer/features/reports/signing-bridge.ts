import type { z } from 'zod';
import type { signingCalls } from '../../../shared/bridge/signing-schemas.ts';
import { call } from '../../bridge/client.ts';

// The signing calls of the bridge (identities, trust anchors, reports), typed from their
// schemas in shared/bridge/signing-schemas.ts.

type Calls = typeof signingCalls;
export type SigningCall = keyof Calls;
export type SigningRequest<N extends SigningCall> = z.input<Calls[N]['request']>;
export type SigningResponse<N extends SigningCall> = z.output<Calls[N]['response']>;

export function signingCall<N extends SigningCall>(
  name: N,
  request: SigningRequest<N>,
): Promise<SigningResponse<N>> {
  return (call as unknown as (n: N, r: SigningRequest<N>) => Promise<SigningResponse<N>>)(
    name,
    request,
  );
}
