import { parentPort } from 'node:worker_threads';
import { verifyReport, type VerifyOptions } from './verify-pdf.ts';

// The verifier's own thread: main hands it one file at a time and stays responsive; a file that
// would exhaust memory kills only this thread (its heap is capped by resourceLimits), and main
// answers "the file exceeds the verification budget".

export type VerifyRequest = { id: number; bytes: Uint8Array; options: VerifyOptions };

parentPort?.on('message', (request: VerifyRequest) => {
  void verifyReport(request.bytes, request.options).then((result) =>
    parentPort!.postMessage({ id: request.id, result }),
  );
});
