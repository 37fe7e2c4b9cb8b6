#!/usr/bin/env node
// Fails when the committed generated files are stale: schema/schema.graphql (printed from the server's type-graphql
// classes), client/src/gql/ (graphql-codegen from that schema and the client's documents), and the two documents the
// synergy engine writes: docs/demo-synergies.md (the demo report) and the worked examples of docs/impact-method.md.
// Both generators run in place, then git tells whether anything changed or appeared.
//   npm run check:drift
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const GENERATED = ['schema', 'client/src/gql', 'docs/demo-synergies.md', 'docs/impact-method.md'];
const STALE =
  'a generated file is stale: run npm run schema:print && npm run codegen && npm run synergy:report -w server && npm run impact:examples -w server and commit';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(title, command, args) {
  console.log(`check:drift: ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error || result.status !== 0) {
    console.error(`check:drift: "${[command, ...args].join(' ')}" failed${result.error ? `: ${result.error.message}` : ''}`);
    process.exit(result.status || 1);
  }
}

function git(...args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8' });
}

run('printing schema/schema.graphql', npm, ['run', 'schema:print', '-w', 'server']);
run('generating client/src/gql', npm, ['run', 'codegen']);
run('writing docs/demo-synergies.md', npm, ['run', 'synergy:report', '-w', 'server']);
run('writing the worked examples of docs/impact-method.md', npm, ['run', 'impact:examples', '-w', 'server']);

// Modified, deleted and untracked files alike (an untracked file is a generated file nobody committed).
const status = git('status', '--porcelain', '--untracked-files=all', '--', ...GENERATED).trim();
const diff = spawnSync('git', ['diff', '--exit-code', '--stat', '--', ...GENERATED], { cwd: root, encoding: 'utf8' });

if (status || diff.status !== 0) {
  console.error('');
  console.error(status);
  if (diff.stdout.trim()) console.error(diff.stdout.trimEnd());
  // The start of the patch, so that a CI log shows what changed.
  const patch = spawnSync('git', ['diff', '--', ...GENERATED], { cwd: root, encoding: 'utf8' }).stdout ?? '';
  if (patch) {
    const lines = patch.split('\n');
    console.error(lines.slice(0, 120).join('\n') + (lines.length > 120 ? `\n… (${lines.length - 120} more lines)` : ''));
  }
  console.error('');
  console.error(STALE);
  process.exit(1);
}
console.log('check:drift: schema/schema.graphql, client/src/gql and the generated docs are up to date');
