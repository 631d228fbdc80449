// The shape of the server: a readout service with no editor imports, modules that depend on each
// other one way only, and modules and functions small enough to read.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { ROOT } from './helpers';

const SERVER = join(ROOT, 'server', 'src');
const MAX_MODULE_LINES = 400;
const MAX_FUNCTION_LINES = 80;

const modules = readdirSync(SERVER, { withFileTypes: true, recursive: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
  .map((entry) => join(entry.parentPath, entry.name))
  .sort();
const sourceOf = (file: string) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
const name = (file: string) => relative(SERVER, file);

/** Every module specifier a file imports or re-exports, type-only ones included. */
function specifiers(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) found.push(node.moduleReference.expression.text);
    if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function localImports(file: string): string[] {
  return specifiers(sourceOf(file))
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(file), specifier))
    .map((target) => modules.find((module) => module === `${target}.ts` || module === join(target, 'index.ts')))
    .filter((target): target is string => target !== undefined);
}

/** The cycles of the import graph, each as the chain of modules that closes it. */
function cycles(): string[][] {
  const graph = new Map(modules.map((module) => [module, localImports(module)]));
  const state = new Map<string, 'open' | 'done'>();
  const found: string[][] = [];
  const walk = (module: string, path: string[]) => {
    state.set(module, 'open');
    for (const next of graph.get(module) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), module, next].map(name));
      else if (!state.has(next)) walk(next, [...path, module]);
    }
    state.set(module, 'done');
  };
  for (const module of modules) if (!state.has(module)) walk(module, []);
  return found;
}

/** Functions, methods and arrow functions longer than the limit, as 'file:line name (N lines)'. */
function longFunctions(file: string): string[] {
  const source = sourceOf(file);
  const long: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const label = 'name' in node && node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
      if (last - first + 1 > MAX_FUNCTION_LINES) long.push(`${name(file)}:${first + 1} ${label} (${last - first + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return long;
}

describe('the server’s architecture', () => {
  it('has no import cycle among its modules, type-only imports included', () => {
    assert.deepEqual(cycles(), []);
  });

  it('imports nothing of VS Code or the language server protocol outside server.ts', () => {
    const editorImports = modules
      .filter((module) => name(module) !== 'server.ts')
      .flatMap((module) => specifiers(sourceOf(module)).filter((specifier) => /^vscode(?:$|-languageserver)/.test(specifier)).map((specifier) => `${name(module)}: ${specifier}`));
    assert.deepEqual(editorImports, []);
  });

  it(`has no module over ${MAX_MODULE_LINES} lines`, () => {
    const long = modules.map((module) => ({ module: name(module), lines: readFileSync(module, 'utf8').split('\n').length })).filter(({ lines }) => lines > MAX_MODULE_LINES);
    assert.deepEqual(long, []);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    assert.deepEqual(modules.flatMap(longFunctions), []);
  });
});
