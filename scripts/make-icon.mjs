#!/usr/bin/env node
// Draws media/icon.png (128×128): two speech bubbles in the first two speaker colours on a dark
// rounded square — two sides of a meeting. Shapes are signed distances, 4×4 supersampled; the PNG
// is written with node's zlib, so no image tool is needed. Run again after changing the drawing.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const SAMPLES = 4;
const output = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'media', 'icon.png');

const hex = (color) => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
const inRoundedSquare = (x, y, inset, radius) => {
  const dx = Math.max(inset + radius - x, 0, x - (SIZE - inset - radius));
  const dy = Math.max(inset + radius - y, 0, y - (SIZE - inset - radius));
  return dx * dx + dy * dy <= radius * radius;
};
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** A triangle given by three corners (the bubble's tail). */
const inTriangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const side = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax, ay, bx, by);
  const d2 = side(bx, by, cx, cy);
  const d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const inBar = (x, y, x0, x1, yc, half) => x >= x0 && x <= x1 && Math.abs(y - yc) <= half;

// Layers from back to front: [colour, test].
const layers = [
  [hex('#1f2a44'), (x, y) => inRoundedSquare(x, y, 2, 24)],
  [hex('#3a8fe0'), (x, y) => inCircle(x, y, 80, 72, 32) || inTriangle(x, y, [88, 96], [108, 112], [100, 86])],
  [hex('#e0773a'), (x, y) => inCircle(x, y, 48, 52, 32) || inTriangle(x, y, [36, 74], [20, 96], [54, 80])],
  [hex('#ffffff'), (x, y) => inBar(x, y, 32, 64, 42, 3.5) || inBar(x, y, 32, 58, 54, 3.5) || inBar(x, y, 32, 50, 66, 3.5)],
];

const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let px = 0; px < SIZE; px++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const x = px + (sx + 0.5) / SAMPLES;
        const y = py + (sy + 0.5) / SAMPLES;
        const top = layers.findLast(([, inside]) => inside(x, y));
        if (!top) continue;
        r += top[0][0];
        g += top[0][1];
        b += top[0][2];
        a += 255;
      }
    }
    const n = SAMPLES * SAMPLES;
    const covered = a / 255;
    // Colour averaged over the covered samples; coverage becomes alpha (soft edges on any background).
    row.set(covered ? [Math.round(r / covered), Math.round(g / covered), Math.round(b / covered), Math.round(a / n)] : [0, 0, 0, 0], 1 + px * 4);
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace

fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(
  output,
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]),
);
console.log(`${path.relative(process.cwd(), output)}: ${fs.statSync(output).size} bytes`);
