#!/usr/bin/env node
// npm run package — a production build and kaidan-<version>.vsix in the repository root, holding
// what .vscodeignore lets in. vsce prints the files; the size is the last line.
//
// --no-dependencies: esbuild has bundled them. --allow-missing-repository: there is no public
// repository to name yet. --no-rewrite-relative-links: the README's pictures ship in the .vsix
// and VS Code shows them from there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where `npm run package` writes the .vsix of the current version. */
export function vsixPath() {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  return path.join(repoRoot, `${name}-${version}.vsix`);
}

function run(command, args) {
  console.error(`[package] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[package] ${command} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = vsixPath();
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  run(process.execPath, ['esbuild.mjs', '--production']);
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out]);
  const bytes = fs.statSync(out).size;
  console.log(`${path.relative(repoRoot, out)}: ${(bytes / 1024 / 1024).toFixed(1)} MB (${bytes.toLocaleString('en')} bytes)`);
}
