import type { Socket } from 'node:net';

/**
 * Holds back what is written to the socket until the current turn of the
 * event loop has run, then sends it with one system call. A pipelining client
 * sends MAIL, RCPT and DATA at once; their three replies then leave together
 * instead of one by one (system calls are the dearest part of a small reply).
 */
export function coalesceSocketWrites(socket: Socket): void {
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  let corked = false;
  socket.write = ((...args: unknown[]) => {
    if (!corked && !socket.destroyed) {
      corked = true;
      socket.cork();
      setImmediate(() => {
        corked = false;
        if (!socket.destroyed) socket.uncork();
      });
    }
    return write(...args);
  }) as Socket['write'];
}
