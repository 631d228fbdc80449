// The packaged extension's suite: `node scripts/test-vscode.mjs --vsix` installs kaidan-<version>.vsix
// into the VS Code server, starts it with Japanese as its locale and no extension under development,
// and VS Code calls run() in the extension host.
import { runSuite } from '../suite/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
