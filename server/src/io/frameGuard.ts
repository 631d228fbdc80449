// The base protocol's frames over a byte stream (the server's stdin): headers, a blank line, and
// as many bytes as `Content-Length` says. vscode-jsonrpc's reader loses its place for good after a
// frame whose length is not a number, negative or too small: it reads what follows as headers and
// never finds a message again. This guard stands in front of it, passes on only frames it could
// read, and after one it could not, skips to the next `Content-Length` header, saying so in one line.

import { Transform, TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const LENGTH_MARK = 'content-length:';
/** Headers are a few dozen bytes; this many without their end are not headers. */
const MAX_HEADER_BYTES = 8192;
/** An RFC 7230 header name, a colon, the value. */
const HEADER_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*(.*?)[ \t]*$/;

/** The body's length, or why the headers cannot be read. */
function bodyLength(headers: string): number | string {
  let length: number | null = null;
  for (const line of headers.split('\r\n')) {
    const header = HEADER_LINE.exec(line);
    if (!header) return `a header line without a name and ':' (${JSON.stringify(line.slice(0, 40))})`;
    if (header[1].toLowerCase() !== 'content-length') continue;
    const value = header[2];
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) return `Content-Length ${JSON.stringify(value.slice(0, 40))} is not a non-negative integer`;
    length = Number(value);
  }
  return length ?? 'no Content-Length header';
}

const isBlank = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/** A JSON-RPC message is one object: a body cut short or run long by a wrong length is not. */
function isObjectBody(body: Buffer): boolean {
  let first = 0;
  let last = body.length - 1;
  while (first <= last && isBlank(body[first])) first++;
  while (last > first && isBlank(body[last])) last--;
  return first < last && body[first] === 0x7b && body[last] === 0x7d;
}

export class FrameGuard extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  /** The bytes a frame under way needs before it is looked at again. */
  private awaited = 0;
  /** Looking for the next `Content-Length` after bytes that were not a frame. */
  private skipping = false;

  constructor(private readonly onUnreadable: (message: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length > 0 ? Buffer.concat([this.buffer, chunk]) : chunk;
    if (this.buffer.length >= this.awaited) this.readFrames();
    done();
  }

  private readFrames(): void {
    this.awaited = 0;
    while (this.buffer.length > 0) {
      if (this.skipping && !this.skipToLengthHeader()) return;
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd === -1) {
        if (this.buffer.length > MAX_HEADER_BYTES) this.unreadable(`${MAX_HEADER_BYTES} bytes without the blank line that ends headers`);
        else return;
        continue;
      }
      const length = bodyLength(this.buffer.subarray(0, headerEnd).toString('latin1'));
      if (typeof length === 'string') {
        this.unreadable(length);
        continue;
      }
      const frameEnd = headerEnd + HEADER_END.length + length;
      if (this.buffer.length < frameEnd) {
        this.awaited = frameEnd;
        return;
      }
      if (!isObjectBody(this.buffer.subarray(headerEnd + HEADER_END.length, frameEnd))) {
        this.unreadable(`Content-Length ${length} does not frame a JSON object`);
        continue;
      }
      this.push(this.buffer.subarray(0, frameEnd));
      this.buffer = this.buffer.subarray(frameEnd);
    }
  }

  /** Says why the bytes at hand are not a frame, and starts looking for the next one after them. */
  private unreadable(reason: string): void {
    this.onUnreadable(`A message frame could not be read (${reason}); skipped to the next Content-Length header.`);
    this.buffer = this.buffer.subarray(1);
    this.skipping = true;
  }

  /** Drops the bytes before the next `Content-Length`; false when it has not come yet. */
  private skipToLengthHeader(): boolean {
    // latin1 keeps one character per byte, so the offset found is a byte offset.
    const at = this.buffer.toString('latin1').toLowerCase().indexOf(LENGTH_MARK);
    if (at === -1) {
      // The start of the mark may be at the end, its rest in the next chunk.
      this.buffer = this.buffer.subarray(Math.max(0, this.buffer.length - LENGTH_MARK.length + 1));
      return false;
    }
    this.buffer = this.buffer.subarray(at);
    this.skipping = false;
    return true;
  }
}

/** The server's stdin, as frames that can be read. */
export function guardedStdin(onUnreadable: (message: string) => void): NodeJS.ReadableStream {
  return process.stdin.pipe(new FrameGuard(onUnreadable));
}
