#!/usr/bin/env node
// No keyword without a reason. Lists the knowledge base's keywords that the engine reads (stream matchers and their
// exclusions, kinds of item, member filters, production factors by output) and that occur in a label of the demo
// territory but in no label of the nomenclatures (List of Waste, NACE/NAF; French and English) and in no citation of
// the knowledge base's sources: words that may have been written into the base from the demo rather than from the
// trade. Each such keyword must be removed, generalised, or given a reason in the knowledge base's `keywordReasons`
// (a nomenclature code or a source that names the same thing). Need keywords are left out: they suggest needs to a
// person typing, and the engine never matches flows by them.
//   npm run check:keywords            prints the keywords without a reason (exit 1 if any) and how many have one
//   npm run check:keywords -- --list  also prints every keyword found in the demo's labels with its reason
//   --knowledge-base=<file>            checks another knowledge base file (the check's own test uses it)
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const read = (file) => JSON.parse(readFileSync(path.resolve(root, file), 'utf8'));
const kbOption = process.argv.find((arg) => arg.startsWith('--knowledge-base='));
const kb = read(kbOption ? path.resolve(kbOption.slice('--knowledge-base='.length)) : 'server/data/synergy/knowledge-base.json');
const ewc = read('server/data/nomenclature/ewc.json');
const nace = read('server/data/nomenclature/nace.json');
const demo = read('server/src/demo/demo-territory.json');

// The engine's folding (server/src/synergy/engine/text-fold.ts): a keyword matches at the start of a word.
const fold = (text) =>
  text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae');
const searchable = (text) => ` ${fold(text).replace(/[^a-z0-9]+/g, ' ').trim()} `;
const prepared = (keyword) => ` ${fold(keyword).replace(/[^a-z0-9]+/g, ' ').trim()}`;

/** keyword → where the engine reads it ("pathway-id.output", "pathway-id.kinds"…) */
const uses = new Map();
const use = (keywords, where) => {
  for (const keyword of keywords ?? []) {
    if (!uses.has(keyword)) uses.set(keyword, []);
    uses.get(keyword).push(where);
  }
};
for (const pathway of kb.pathways) {
  for (const side of ['output', 'input', 'stream']) {
    use(pathway[side]?.keywords, `${pathway.id}.${side}`);
    use(pathway[side]?.excludeKeywords, `${pathway.id}.${side} (exclusion)`);
  }
  for (const kind of pathway.kinds ?? []) use(kind.keywords, `${pathway.id}.kinds`);
  use(pathway.members?.excludeKeywords, `${pathway.id}.members (exclusion)`);
  for (const entry of pathway.impact.productionFactorsByOutput ?? []) use(entry.keywords, `${pathway.id}.impact`);
}

const labelsOf = (list) => list.flatMap((entry) => [entry.label_fr, entry.label_en].filter(Boolean));
const references = [
  ...['chapters', 'subchapters', 'entries'].flatMap((level) => labelsOf(ewc[level])),
  ...['sections', 'divisions', 'groups', 'classes', 'naf_subclasses'].flatMap((level) => labelsOf(nace[level])),
  ...kb.sources.map((source) => source.citation),
]
  .map(searchable)
  .join('\n');
const demoLabels = (demo.flows ?? []).map((flow) => ({ ref: flow.ref, text: searchable(flow.label) }));
const reasonOf = new Map((kb.keywordReasons ?? []).flatMap((entry) => entry.keywords.map((keyword) => [keyword, entry])));

const inDemo = [...uses.keys()]
  .filter((keyword) => prepared(keyword).length > 2)
  .map((keyword) => ({ keyword, flows: demoLabels.filter((label) => label.text.includes(prepared(keyword))) }))
  .filter(({ flows }) => flows.length > 0);
const unreferenced = inDemo.filter(({ keyword }) => !references.includes(prepared(keyword)));
const unjustified = unreferenced.filter(({ keyword }) => !reasonOf.has(keyword));

if (process.argv.includes('--list')) {
  for (const { keyword, flows } of inDemo) {
    const why = references.includes(prepared(keyword)) ? 'in a nomenclature label or a source citation' : reasonOf.get(keyword)?.reason;
    console.log(`${keyword} (${flows.length} demo labels): ${why ?? 'NO REASON'}`);
  }
  console.log('');
}
console.log(
  `check:keywords: ${uses.size} keywords read by the engine, ${inDemo.length} of them in the demo's labels; ` +
    `${inDemo.length - unreferenced.length} named by a nomenclature label or a source citation, ` +
    `${unreferenced.length - unjustified.length} given a reason in keywordReasons, ${unjustified.length} without a reason.`,
);
if (unjustified.length > 0) {
  console.error('\nKeywords found in the demo territory and nowhere in the nomenclatures or the sources, with no reason:');
  for (const { keyword, flows } of unjustified) {
    console.error(`  "${keyword}"  read by ${uses.get(keyword).join(', ')}; in ${flows.map((flow) => flow.ref).join(', ')}`);
  }
  console.error('\nRemove or generalise each one, or give it a reason in keywordReasons (docs/knowledge-base.md).');
  process.exit(1);
}
