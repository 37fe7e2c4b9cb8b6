/** The synergy engine's public surface: pure detection, incremental updates, impacts and explanations. */
export type * from './engine.types.js';
export { DEFAULT_ENGINE_OPTIONS, type EngineOptions, type ScoreWeights } from './engine.options.js';
export { SynergyDetector, detectSynergies } from './detector.js';
export { renderExplanation } from './explanation.js';
export { compileKnowledgeBase } from './compiled-knowledge-base.js';
export { substitutionImpacts } from './impacts.js';
export {
  mutualisationImpacts,
  BASELINE_COLLECTION_DISTANCE_KM,
  GROUP_PURCHASE_COST_SAVING,
  POOLED_COLLECTION_COST_SAVING,
  POOLED_TRUCK_KM_SAVING,
} from './mutualisation-impacts.js';
export { haversineKm } from './geo.js';
export { convertQuantity } from './units.js';
export { foldText } from './text-fold.js';
