#!/usr/bin/env node
// Fails when the server's imports loop: between folders (server/src/<a> ↔ server/src/<b>, a nested folder such as
// synergy/engine counting as a folder of its own) or between modules anywhere. The graph comes from
// dependency-cruiser (type-only imports included: a type import still ties one folder to another).
// Test files are left out: a co-located test may use a helper of a higher folder without the code depending on it.
//   npm run check:imports             the check; prints the cycles found, exits 1 if any
//   npm run check:imports -- --list   also prints every folder-to-folder dependency with its import count
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const serverDir = path.join(root, 'server');
const listArrows = process.argv.includes('--list');

const cruise = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
    'src',
    '--no-config',
    '--ts-config',
    'tsconfig.json',
    '--ts-pre-compilation-deps',
    '--do-not-follow',
    'node_modules',
    '--exclude',
    '\\.test\\.ts$|node_modules',
    '--output-type',
    'json',
  ],
  { cwd: serverDir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
);
if (cruise.status !== 0) {
  console.error(cruise.stderr || cruise.stdout);
  console.error('check:imports: dependency-cruiser failed');
  process.exit(2);
}
const { modules } = JSON.parse(cruise.stdout);

const isOwn = (file) => file.startsWith('src/') && !/\.test\.ts$/.test(file);
const folderOf = (file) => path.posix.dirname(file).replace(/^src\/?/, '') || '(root)';

/** @type {Map<string, Set<string>>} module graph; @type {Map<string, Map<string, number>>} folder graph */
const moduleGraph = new Map();
const folderGraph = new Map();
for (const module of modules) {
  if (!isOwn(module.source)) continue;
  const targets = new Set();
  for (const dependency of module.dependencies) {
    if (!dependency.resolved || !isOwn(dependency.resolved)) continue;
    targets.add(dependency.resolved);
    const from = folderOf(module.source);
    const to = folderOf(dependency.resolved);
    if (from === to) continue;
    if (!folderGraph.has(from)) folderGraph.set(from, new Map());
    const arrows = folderGraph.get(from);
    arrows.set(to, (arrows.get(to) ?? 0) + 1);
  }
  moduleGraph.set(module.source, targets);
}

/** Strongly connected components of more than one node (Tarjan), each sorted. */
function cycles(graph) {
  let index = 0;
  const indexes = new Map();
  const lowLinks = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (node) => {
    indexes.set(node, index);
    lowLinks.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexes.has(next)) {
        visit(next);
        lowLinks.set(node, Math.min(lowLinks.get(node), lowLinks.get(next)));
      } else if (onStack.has(next)) {
        lowLinks.set(node, Math.min(lowLinks.get(node), indexes.get(next)));
      }
    }
    if (lowLinks.get(node) === indexes.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indexes.has(node)) visit(node);
  return found;
}

const folderNodes = new Map([...folderGraph].map(([from, arrows]) => [from, new Set(arrows.keys())]));
const folderCycles = cycles(folderNodes);
const moduleCycles = cycles(moduleGraph);
const arrowCount = [...folderGraph.values()].reduce((sum, arrows) => sum + arrows.size, 0);

if (listArrows) {
  console.log('folder-to-folder dependencies (from → to: imports)');
  for (const from of [...folderGraph.keys()].sort()) {
    for (const [to, count] of [...folderGraph.get(from)].sort(([a], [b]) => a.localeCompare(b))) {
      console.log(`  ${from} → ${to}: ${count}`);
    }
  }
}
console.log(
  `check:imports: ${moduleGraph.size} modules, ${folderGraph.size} importing folders, ${arrowCount} folder-to-folder arrows`,
);
for (const component of folderCycles) console.log(`  folder cycle: ${component.join(' ↔ ')}`);
for (const component of moduleCycles) console.log(`  module cycle: ${component.join(' ↔ ')}`);
if (folderCycles.length || moduleCycles.length) {
  console.error(
    `check:imports: ${folderCycles.length} folder cycle(s) and ${moduleCycles.length} module cycle(s); ` +
      'imports must run one way (docs/ARCHITECTURE.md, "Layers")',
  );
  process.exit(1);
}
console.log('check:imports: no cycle between folders nor between modules');
