// Bundles the client, the language server, its tokenizer and summary workers and the CLI; ships kuromoji's dictionary beside the server bundle.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const require = createRequire(import.meta.url);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/server/cli.js' },
  // kuromoji runs only in this worker, beside server.js (server/src/nlp/tokenizer.ts starts it).
  { ...common, entryPoints: ['server/src/nlp/tokenizerWorker.ts'], outfile: 'dist/server/tokenizerWorker.js' },
  // The cold index's parsing threads, beside server.js and cli.js (server/src/io/summaryWorkers.ts starts them).
  { ...common, entryPoints: ['server/src/io/summaryWorker.ts'], outfile: 'dist/server/summaryWorker.js' },
];

function copyDictionary() {
  const dictionary = join(dirname(require.resolve('kuromoji/package.json')), 'dict');
  mkdirSync('dist/server', { recursive: true });
  cpSync(dictionary, 'dist/server/dict', { recursive: true });
}

copyDictionary();
if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
