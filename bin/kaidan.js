#!/usr/bin/env node
// Entry of the `kaidan` command: runs the bundled CLI, built by `npm run build`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist', 'server', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('kaidan: not built yet — run `npm run build` in the repository first\n');
  process.exit(2);
}
require(cli);
