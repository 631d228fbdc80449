// What the server process does with a fault that no handler caught: a promise rejected with nobody
// to hear it, or an exception thrown from a timer. One line in the log, and the server goes on
// serving: each request and notification stands alone, so one that failed leaves the rest whole.
// Only when the client is gone (the channel to it broken) does the process end.

import { format } from 'node:util';

export interface ProcessLog {
  log(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The error's name, message and the frame it was thrown from, on one line. */
export function describeFault(fault: unknown): string {
  if (!(fault instanceof Error)) return format('%o', fault).replace(/\s+/g, ' ');
  const frame = fault.stack?.split('\n').find((line) => line.trimStart().startsWith('at '))?.trim();
  return `${fault.name}: ${fault.message}${frame ? ` (${frame})` : ''}`;
}

const BROKEN_CHANNEL = new Set(['EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED', 'ERR_IPC_CHANNEL_CLOSED']);

function clientGone(fault: unknown): boolean {
  const code = (fault as NodeJS.ErrnoException | null)?.code;
  if (!code || !BROKEN_CHANNEL.has(code)) return false;
  return process.send ? !process.connected : process.stdout.destroyed || !process.stdout.writable;
}

/** For a call nothing waits for: its failure is one line in the log. */
export function failureLogger(logError: (message: string) => void): (what: string) => (error: unknown) => void {
  return (what) => (error) => logError(`${what} failed: ${describeFault(error)}`);
}

export function keepServingOnFaults(logError: (message: string) => void): void {
  const report = (what: string, fault: unknown) => {
    try {
      logError(`${what}: ${describeFault(fault)}; the server goes on.`);
    } catch {
      // The log itself is broken: nothing is left to tell.
    }
  };
  process.on('unhandledRejection', (reason) => report('A failure nothing waited for', reason));
  process.on('uncaughtException', (error) => {
    // Nobody is left to serve: the client restarts a server when it wants one.
    if (clientGone(error)) process.exit(1);
    report('An unexpected error', error);
  });
}

/**
 * Over stdio, stdout carries the protocol: whatever a library writes with console.log goes to the
 * client's log instead, as vscode-languageserver does when it opens stdio itself.
 */
export function routeConsoleTo(log: ProcessLog): void {
  console.log = (...args: unknown[]) => log.log(format(...args));
  console.info = (...args: unknown[]) => log.info(format(...args));
  console.debug = (...args: unknown[]) => log.log(format(...args));
  console.warn = (...args: unknown[]) => log.warn(format(...args));
  console.error = (...args: unknown[]) => log.error(format(...args));
}
