import type { Session } from 'electron';
import { isRequestAllowed, type RequestPolicy } from '../security/request-filter.ts';

/** Chromium's net::ERR_FAILED, which setCertificateVerifyProc takes as "reject". */
const CERTIFICATE_REJECTED = -2;

/**
 * Cancels, in the session's network layer, every request the policy does not allow. As a second
 * line, any TLS certificate is rejected: no https request should get that far.
 */
export function installRequestFilter(session: Session, policy: RequestPolicy): void {
  session.setCertificateVerifyProc((_request, callback) => callback(CERTIFICATE_REJECTED));
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, policy);
    if (!allowed)
      console.warn(`[request-filter] cancelled ${details.method} ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}
