import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileKnowledgeBase } from '../engine/compiled-knowledge-base.js';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { renderWorkedExamples, withExamples, workedExamples } from './worked-examples.js';

/**
 * `npm run impact:examples -w server`: computes the worked examples of docs/impact-method.md § 10 with the engine and
 * the knowledge base, and writes them between the doc's markers (worked-examples.test.ts checks they are current).
 */
const file = path.resolve(import.meta.dirname, '../../../../docs/impact-method.md');
const section = renderWorkedExamples(workedExamples(compileKnowledgeBase(loadKnowledgeBase())));
writeFileSync(file, withExamples(readFileSync(file, 'utf8'), section));
console.log('Wrote the worked examples of docs/impact-method.md § 10');
