import type { WebSocket } from 'ws';

/** How long a peer has to answer our close frame before its socket is cut (ws would wait 30 s). */
const CLOSE_GRACE_MS = 2000;

/**
 * Closes a socket with an application close code. Nothing is sent once the close has begun (graphql-ws checks the
 * socket is open before each message), and a peer that ignores the close frame is cut after a grace period, so a
 * revoked client cannot keep the server's resources by not answering. `afterPendingSends` lets an error message
 * already on its way (the reason for the close) reach the client first.
 */
export function closeSocket(socket: WebSocket, code: number, reason: string, { afterPendingSends = false } = {}): void {
  const close = () => {
    if (socket.readyState === socket.CLOSED) return;
    socket.close(code, reason);
    setTimeout(() => {
      if (socket.readyState !== socket.CLOSED) socket.terminate();
    }, CLOSE_GRACE_MS).unref();
  };
  if (afterPendingSends) setImmediate(close);
  else close();
}
