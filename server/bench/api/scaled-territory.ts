import type { ImportDocument } from '../../src/importer/import-format.js';
import { demoDocument } from '../../src/importer/import-test-helpers.js';
import { Prng } from '../prng.js';

/**
 * The demo territory scaled up for the API benchmark: the Val de Fensch organisations copied into the same territory
 * (names, refs and places varied, SIREN/SIRET dropped as they are unique), flows' quantities varied, then extra flows
 * until `flows` is reached. The same seed gives the same document, so runs compare.
 */
export function scaledTerritory({ organizations = 500, flows = 5000, seed = 11 } = {}): ImportDocument {
  const document = demoDocument();
  const demo = { organizations: document.organizations ?? [], sites: document.sites ?? [], flows: document.flows ?? [] };
  const rng = new Prng(seed);
  const copies = Math.ceil(organizations / demo.organizations.length);
  const out = { ...document, organizations: [...demo.organizations], sites: [...demo.sites], flows: [...demo.flows] };
  const extraFlowsPerCopy = Math.max(0, Math.ceil((flows - demo.flows.length * copies) / Math.max(1, copies - 1)));
  for (let k = 1; k < copies; k++) {
    const suffix = `-x${k}`;
    for (const o of demo.organizations) {
      out.organizations.push({ ...o, ref: o.ref + suffix, name: `${o.name} ${k + 1}`, siren: undefined });
    }
    for (const s of demo.sites) {
      out.sites.push({
        ...s,
        ref: s.ref + suffix,
        organizationRef: s.organizationRef + suffix,
        siret: undefined,
        latitude: Number((s.latitude + rng.between(-0.08, 0.08)).toFixed(4)),
        longitude: Number((s.longitude + rng.between(-0.08, 0.08)).toFixed(4)),
      });
    }
    const copied = demo.flows.map((f) => ({ ...f, ref: f.ref + suffix, siteRef: f.siteRef + suffix, quantity: vary(rng, f.quantity) }));
    for (let e = 0; e < extraFlowsPerCopy && out.flows.length + copied.length < flows; e++) {
      const f = rng.pick(demo.flows);
      copied.push({ ...f, ref: `${f.ref}${suffix}-bis${e}`, siteRef: f.siteRef + suffix, label: `${f.label} (lot ${e + 2})`, quantity: vary(rng, f.quantity) });
    }
    out.flows.push(...copied.slice(0, Math.max(0, flows - out.flows.length)));
  }
  return out;
}

function vary(rng: Prng, quantity: number | undefined): number | undefined {
  return typeof quantity === 'number' ? Math.max(1, Math.round(quantity * rng.between(0.5, 1.5))) : quantity;
}
