#!/usr/bin/env node
// Fails when a committed source file is longer than the house allows (docs/ARCHITECTURE.md, "Rules of the house"):
// a file that long has grown a second purpose and should be split. Generated code and data files are not counted.
//   npm run check:file-size
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const MAX_LINES = 450;
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const GENERATED = [/^client\/src\/gql\//, /^server\/src\/db\/migrations\//];

const root = path.resolve(import.meta.dirname, '..');
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((file) => SOURCE.test(file) && !GENERATED.some((pattern) => pattern.test(file)));

const tooLong = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(path.join(root, file), 'utf8');
  } catch {
    continue; // deleted in the working tree
  }
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines > MAX_LINES) tooLong.push({ file, lines });
}
tooLong.sort((a, b) => b.lines - a.lines);
for (const { file, lines } of tooLong) console.error(`  ${file}: ${lines} lines`);
if (tooLong.length) {
  console.error(`check:file-size: ${tooLong.length} source file(s) over ${MAX_LINES} lines; split each by purpose`);
  process.exit(1);
}
console.log(`check:file-size: ${files.length} source files, none over ${MAX_LINES} lines`);
