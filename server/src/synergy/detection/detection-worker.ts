import { parentPort, workerData } from 'node:worker_threads';
import { SynergyDetector } from '../engine/detector.js';
import type { EngineFlow } from '../engine/engine.types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import { SYNERGIES_PER_MESSAGE, type DetectionReply, type DetectionRequest } from './detection-messages.js';

/**
 * The worker thread that owns the loaded detectors, one per territory scope. Requests are handled one at a time in
 * the order they arrive, so an incremental update always applies to the detector the previous request left.
 */
const kb = (workerData as { kb: KnowledgeBase }).kb;
const detectors = new Map<string, SynergyDetector>();
const arriving = new Map<number, EngineFlow[]>();
const port = parentPort!;

port.on('message', (request: DetectionRequest) => {
  try {
    handle(request);
  } catch (error) {
    arriving.delete(request.id);
    reply({ id: request.id, type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

function handle(request: DetectionRequest): void {
  switch (request.type) {
    case 'flows': {
      const flows = arriving.get(request.id) ?? [];
      for (const flow of request.flows) flows.push(flow);
      if (!request.last) return void arriving.set(request.id, flows);
      arriving.delete(request.id);
      const detector = new SynergyDetector(kb);
      const synergies = detector.load(flows);
      detectors.set(request.scope, detector);
      for (let start = 0; start === 0 || start < synergies.length; start += SYNERGIES_PER_MESSAGE) {
        const last = start + SYNERGIES_PER_MESSAGE >= synergies.length;
        reply({ id: request.id, type: 'synergies', synergies: synergies.slice(start, start + SYNERGIES_PER_MESSAGE), last });
      }
      // The synergies are on their way: what only updates need is built in a turn of its own (a request read before
      // it that updates the territory builds it itself), unless this territory was detected again meanwhile.
      setImmediate(() => {
        if (detectors.get(request.scope) === detector) detector.prepareForUpdates();
      });
      return;
    }
    case 'upsert':
    case 'remove': {
      // Unknown scope (this worker restarted): null tells the main thread to detect the territory again.
      const detector = detectors.get(request.scope);
      const delta = !detector ? null : request.type === 'upsert' ? detector.upsertFlow(request.flow) : detector.removeFlow(request.flowId);
      return reply({ id: request.id, type: 'delta', delta });
    }
    case 'changes': {
      const detector = detectors.get(request.scope);
      return reply({ id: request.id, type: 'delta', delta: detector ? detector.applyChanges(request.changes) : null });
    }
    case 'forget':
      detectors.delete(request.scope);
      return reply({ id: request.id, type: 'done' });
  }
}

function reply(message: DetectionReply): void {
  port.postMessage(message);
}
