import type { IncomingMessage } from 'node:http';

export interface DrainLimits {
  /** Bytes read and thrown away at most; a body declared larger is not read at all. */
  bytes: number;
  /** Gives up when the client pauses this long. */
  idleMs: number;
  /** Gives up after this long in all. */
  totalMs: number;
}

const MB = 1024 * 1024;

/** Room for what a person might paste or attach by mistake, not for a client sending without end. */
export function drainLimitsFor(bodyLimit: number): DrainLimits {
  return { bytes: Math.min(256 * MB, Math.max(16 * MB, 16 * bodyLimit)), idleMs: 5_000, totalMs: 30_000 };
}

/**
 * Reads what is left of a refused request body and throws it away, so that the answer goes out and the
 * connection closes with nothing unread. Closing a socket with unread bytes makes the kernel reset the
 * connection, and a client still sending then reports that reset (EPIPE, ECONNRESET) instead of the
 * answer. Bounded by `limits`: past them the answer goes out anyway, and that client may see a reset.
 */
export function drainRequest(request: IncomingMessage, limits: DrainLimits): Promise<void> {
  if (request.complete || request.readableEnded || request.destroyed) return Promise.resolve();
  if (Number(request.headers['content-length']) > limits.bytes) return Promise.resolve();
  return new Promise((resolve) => {
    let read = 0;
    const idle = setTimeout(done, limits.idleMs);
    const total = setTimeout(done, limits.totalMs);
    function onData(chunk: Buffer) {
      read += chunk.length;
      if (read > limits.bytes) done();
      else idle.refresh();
    }
    function done() {
      clearTimeout(idle);
      clearTimeout(total);
      request.off('data', onData).off('end', done).off('close', done).off('error', done);
      resolve();
    }
    request.on('data', onData).once('end', done).once('close', done).once('error', done);
    request.resume();
  });
}
