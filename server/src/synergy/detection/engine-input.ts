import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EngineFlow } from '../engine/engine.types.js';
import { ANY_UUID, sqlList } from '../../db/sql.js';

const ENGINE_FLOW_SQL = `select f.id, f.organization_id, f.site_id, f.territory_id, f.direction, f.category, f.label, f.description,
    f.ewc_code, f.hazardous, f.need_code, f.yearly_quantity, f.unit, f.physical_form, f.temperature_c,
    f.available_months, f.current_destination, f.yearly_cost_eur, f.heat_supply, f.heat_supply_efficiency, f.heat_network_name,
    f.heat_network_co2_g_per_kwh, f.used_share_today, f.status, f.visibility, s.latitude, s.longitude, o.kind, o.insertion,
    o.nace_code
  from resource_flow f join site s on s.id = f.site_id join organization o on o.id = f.organization_id`;

/** Rows per query: reading 50k rows in one answer held the event loop for a few hundred milliseconds. */
const FLOWS_PER_PAGE = 5_000;

/** Reads the active flows of territories as the engine sees them: with their site's location and organisation. */
export async function loadEngineFlows(em: EntityManager, territoryIds: string[]): Promise<EngineFlow[]> {
  const flows: EngineFlow[] = [];
  for (;;) {
    const after = flows.length > 0 ? flows[flows.length - 1].id : '00000000-0000-0000-0000-000000000000';
    const rows = await em.execute(
      `${ENGINE_FLOW_SQL} where f.status = 'ACTIVE' and f.territory_id = ${ANY_UUID} and f.id > ? order by f.id limit ${FLOWS_PER_PAGE}`,
      [sqlList(territoryIds), after],
    );
    for (const row of rows) flows.push(toEngineFlow(row));
    if (rows.length < FLOWS_PER_PAGE) return flows;
  }
}

/** Flows as the engine sees them, by id, in one query; an archived (or gone) flow is absent, so the detector removes it. */
export async function loadEngineFlowsById(em: EntityManager, flowIds: string[]): Promise<Map<string, EngineFlow>> {
  const found = new Map<string, EngineFlow>();
  for (let start = 0; start < flowIds.length; start += FLOWS_PER_PAGE) {
    const rows = await em.execute(`${ENGINE_FLOW_SQL} where f.id = ${ANY_UUID} and f.status = 'ACTIVE'`, [sqlList(flowIds.slice(start, start + FLOWS_PER_PAGE))]);
    for (const row of rows) found.set(row.id, toEngineFlow(row));
  }
  return found;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toEngineFlow(r: any): EngineFlow {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: r.id,
    organizationId: r.organization_id,
    siteId: r.site_id,
    territoryId: r.territory_id,
    direction: r.direction,
    category: r.category,
    label: r.label,
    description: r.description ?? null,
    ewcCode: r.ewc_code,
    hazardous: r.hazardous,
    needCode: r.need_code,
    yearlyQuantity: num(r.yearly_quantity),
    visibility: r.visibility,
    unit: r.unit,
    physicalForm: r.physical_form,
    temperatureC: num(r.temperature_c),
    availableMonths: typeof r.available_months === 'string' ? JSON.parse(r.available_months) : r.available_months,
    currentDestination: r.current_destination,
    yearlyCostEur: num(r.yearly_cost_eur),
    heatSupply: r.heat_supply ?? null,
    heatSupplyEfficiency: num(r.heat_supply_efficiency),
    heatNetworkName: r.heat_network_name ?? null,
    heatNetworkCo2GPerKwh: num(r.heat_network_co2_g_per_kwh),
    usedShareToday: num(r.used_share_today),
    latitude: Number(r.latitude),
    longitude: Number(r.longitude),
    organizationKind: r.kind,
    insertion: r.insertion,
    naceCode: r.nace_code,
  };
}

/**
 * What makes a change "material": the facts a decision was taken on. Quantities count by ±20 % steps and
 * temperatures by 5 °C, so a routine correction does not reopen a decision; a new code, need, site or destination does.
 */
export function materialFingerprint(flows: EngineFlow[]): string {
  const facts = [...flows]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((f) => [
      f.id,
      f.direction,
      f.category,
      f.ewcCode,
      f.needCode,
      f.unit,
      f.yearlyQuantity && f.yearlyQuantity > 0 ? Math.round(Math.log(f.yearlyQuantity) / Math.log(1.2)) : null,
      f.temperatureC === null ? null : Math.round(f.temperatureC / 5),
      f.physicalForm,
      f.hazardous,
      f.siteId,
      f.currentDestination,
    ]);
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex');
}
