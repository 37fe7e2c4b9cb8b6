#!/usr/bin/env node
// Precision of the reviewed demo suggestions, recomputed from the verdicts in docs/reviews/*.json: substitutions
// P@10 and P@30, mutualisations P@15, strict (AGREE only) and lenient (AGREE + AGREE_WITH_RESERVATIONS), and the
// lenient hits whose explanation is right, and whose explanation and shown figures are right (the verdicts' flags).
//   npm run review:score              the figures of every review, and a comparison table
//   npm run review:score -- --check   also fails unless docs/demo-synergies-review.md shows these very tables
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const REVIEWS = path.join(root, 'docs/reviews');
const DOCUMENT = 'docs/demo-synergies-review.md';
const CUTS = [
  { kind: 'SUBSTITUTION', k: 10, label: 'Substitutions, top 10' },
  { kind: 'SUBSTITUTION', k: 30, label: 'Substitutions, top 30' },
  { kind: 'MUTUALISATION', k: 15, label: 'Mutualisations, top 15' },
];

function loadReviews() {
  const versionOrder = (v) => v.split('.').map(Number).reduce((n, part) => n * 1000 + part, 0);
  return readdirSync(REVIEWS)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ file: `docs/reviews/${f}`, ...JSON.parse(readFileSync(path.join(REVIEWS, f), 'utf8')) }))
    .sort((a, b) => versionOrder(b.knowledgeBase) - versionOrder(a.knowledgeBase));
}

/** The counts and precisions of one review at one cut; fails when the review does not hold k verdicts of the kind. */
function score(review, { kind, k, label }) {
  const top = review.verdicts.filter((v) => v.kind === kind && v.rank <= k);
  const ranks = new Set(top.map((v) => v.rank));
  if (top.length !== k || ranks.size !== k) throw new Error(`${review.file}: ${label} needs ranks 1 to ${k}, found ${top.length} verdicts`);
  const count = (verdict) => top.filter((v) => v.verdict === verdict).length;
  const agree = count('AGREE');
  const reservations = count('AGREE_WITH_RESERVATIONS');
  const accepted = top.filter((v) => v.verdict !== 'REJECT');
  const explained = accepted.filter((v) => v.explanationRight).length;
  const allRight = accepted.filter((v) => v.explanationRight && v.figuresQuotable).length;
  return { label, k, agree, reservations, reject: count('REJECT'), strict: agree / k, lenient: (agree + reservations) / k, explained, allRight };
}

const two = (x) => x.toFixed(2);

/** The summary table of one review, as the review document shows it. */
function reviewTable(review) {
  const rows = CUTS.map((cut) => score(review, cut));
  return [
    `| Knowledge base ${review.knowledgeBase}, reviewed by ${review.who} | shown | AGREE | AWR | REJECT | strict (AGREE) | lenient (AGREE + AWR) | lenient, explanation right | lenient, explanation and figures right |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.k} | ${r.agree} | ${r.reservations} | ${r.reject} | P@${r.k} = ${r.agree}/${r.k} = ${two(r.strict)} | ` +
        `P@${r.k} = ${r.agree + r.reservations}/${r.k} = ${two(r.lenient)} | ${r.explained}/${r.k} = ${two(r.explained / r.k)} | ${r.allRight}/${r.k} = ${two(r.allRight / r.k)} |`,
    ),
  ].join('\n');
}

/** Every review side by side, newest first. */
function comparisonTable(reviews) {
  const header = CUTS.flatMap((c) => [`P@${c.k} ${c.kind === 'SUBSTITUTION' ? 'subst.' : 'mutual.'} strict`, 'lenient']);
  return [
    `| knowledge base (date, who) | ${header.join(' | ')} |`,
    `| --- | ${header.map(() => '---').join(' | ')} |`,
    ...reviews.map((review) => {
      const cells = CUTS.flatMap((cut) => {
        const r = score(review, cut);
        return [two(r.strict), two(r.lenient)];
      });
      return `| ${review.knowledgeBase} (${review.date}, ${review.who}) | ${cells.join(' | ')} |`;
    }),
  ].join('\n');
}

const reviews = loadReviews();
const tables = [comparisonTable(reviews), ...reviews.map(reviewTable)];
console.log(`Precision of the reviewed demo suggestions, from ${reviews.map((r) => r.file).join(', ')}.`);
console.log('strict = AGREE only; lenient = AGREE + AGREE WITH RESERVATIONS (AWR); explanation right / figures right: the');
console.log("verdicts' explanationRight and figuresQuotable flags, among the lenient hits.\n");
console.log(tables.join('\n\n'));

if (process.argv.includes('--check')) {
  const text = readFileSync(path.join(root, DOCUMENT), 'utf8');
  const missing = tables.filter((table) => !text.includes(table));
  if (missing.length > 0) {
    console.error(`\nreview:score: ${DOCUMENT} does not show ${missing.length} of these tables as computed; paste them from the output above:`);
    for (const table of missing) console.error(`\n${table}`);
    process.exit(1);
  }
  console.log(`\nreview:score: ${DOCUMENT} shows every table as computed.`);
}
