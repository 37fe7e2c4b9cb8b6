import { loadKnowledgeBase } from '../../src/synergy/knowledge/knowledge-base.js';
import { SynergyDetector } from '../../src/synergy/engine/detector.js';
import { Prng } from '../prng.js';
import { TerritoryGenerator } from '../synergy/territory-generator.js';
const kb = loadKnowledgeBase();
const flows = new TerritoryGenerator(kb, new Prng(20261128 + 100000)).territory(100000);
new SynergyDetector(kb).load(flows);
const g = globalThis as any; console.log('candidates', g.__c, 'in reach', g.__r, 'scored', g.__s);
