// npm run bench:shapes [-- --only TEXT] [--runs N] [--largest]: every input shape of bench/shapes.ts
// (or those whose name holds TEXT) at 64K to 1M UTF-16 units, each operation an editor asks for
// timed on it, with the growth exponent fitted over the sizes. Exits non-zero when a shape grows
// faster than linear (exponent over 1.3) or takes over a second at 1 MB. --largest measures 512K and
// 1M only, for the second alone: a quick look at the budget, not a fit.

import { SHAPES } from './shapes';
import { formatGrowth, measureGrowth, operations, sampleCorpus } from './growth';

const ALL_SIZES = [64, 128, 256, 512, 1024].map((k) => k * 1024);
const DEFAULT_RUNS = 3;
const MAX_EXPONENT = 1.3;
const MAX_MS_AT_1MB = 1000;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
  const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : DEFAULT_RUNS;
  const largest = args.includes('--largest');
  const SIZES = largest ? ALL_SIZES.slice(-2) : ALL_SIZES;
  const index = await sampleCorpus();
  const failures: string[] = [];
  console.log(`${'shape'.padEnd(48)} ${'operation'.padEnd(9)} ${SIZES.map((size) => `${size / 1024}K`.padStart(6)).join(' ')}`);
  for (const shape of SHAPES.filter((s) => only === null || s.name.includes(only))) {
    for (const operation of operations(index)) {
      const growth = measureGrowth(shape, operation, SIZES, runs);
      const slow = growth.times[growth.times.length - 1] > MAX_MS_AT_1MB;
      const steep = !largest && growth.exponent > MAX_EXPONENT;
      const line = `${formatGrowth(growth)}${steep ? '  TOO STEEP' : ''}${slow ? '  TOO SLOW' : ''}`;
      console.log(line);
      if (slow || steep) failures.push(line);
    }
  }
  if (failures.length) {
    console.log(`\n${failures.length} measurements over the limits (exponent ${MAX_EXPONENT}, ${MAX_MS_AT_1MB} ms at 1M):\n${failures.join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
