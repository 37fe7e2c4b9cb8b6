import type { ProblemList } from '../errors/domain-errors.js';
import { findWasteCode, normalizeEwcCode } from '../nomenclature/waste-codes.js';
import { checkEnum, checkNumber, checkText } from '../validation/field-checks.js';
import {
  CurrentDestination,
  HeatSupply,
  FlowDirection,
  FlowPeriod,
  FlowStatus,
  FlowUnit,
  PhysicalForm,
  ResourceCategory,
  UNIT_SYMBOLS,
  Visibility,
  yearlyQuantity,
} from '../vocabulary/flow.enums.js';
import type { FlowContent, FLOW_INPUT_FIELDS } from './flow.record.js';

/** The raw fields of a flow as they arrive from the API or an import row: any of them may be missing or malformed. */
export type FlowFields = {
  [K in (typeof FLOW_INPUT_FIELDS)[number]]?: K extends 'quantity' | 'temperatureC' | 'yearlyCostEur' | 'heatSupplyEfficiency' | 'heatNetworkCo2GPerKwh' | 'usedShareToday'
    ? number | string | null
    : K extends 'availableMonths'
      ? number[] | null
      : string | null;
};

/**
 * The need codes an INPUT may be declared with. The knowledge base defines them; the composition root hands them
 * down, so that flows know of needs without depending on the synergy domain.
 */
export type NeedCodes = ReadonlySet<string>;

/** A flow's fields once checked, derived ones included. */
export type CleanFlow = FlowContent;

const SYMBOL_TO_UNIT = new Map<string, FlowUnit>(
  Object.entries(UNIT_SYMBOLS).map(([unit, symbol]) => [symbol.toLowerCase(), unit as FlowUnit]),
);

export function parseUnit(value: string | null | undefined): FlowUnit | null {
  if (!value) return null;
  if ((Object.values(FlowUnit) as string[]).includes(value)) return value as FlowUnit;
  return SYMBOL_TO_UNIT.get(value.trim().toLowerCase()) ?? null;
}

/**
 * Validates a whole flow (declare, import) or the merge of a stored flow with a change (update). Every problem
 * is reported, none is fixed silently.
 */
export function checkFlowFields(problems: ProblemList, input: FlowFields, needCodes: NeedCodes, row?: number): CleanFlow {
  const direction = checkEnum(problems, 'direction', FlowDirection, input.direction, {}, row);
  const category = checkEnum(problems, 'category', ResourceCategory, input.category, {}, row);
  const label = checkText(problems, 'label', input.label, { required: true, max: 200 }, row);
  const description = checkText(problems, 'description', input.description, { max: 5000 }, row);
  let ewcCode: string | null = null;
  if (input.ewcCode) {
    ewcCode = normalizeEwcCode(String(input.ewcCode));
    if (!ewcCode) problems.add('ewcCode', `"${input.ewcCode}" is not a code of the European List of Waste`, row);
  } else if (category === ResourceCategory.WASTE && direction === FlowDirection.OUTPUT) {
    problems.add('ewcCode', 'is required for a waste output', row);
  }
  let needCode: string | null = null;
  if (input.needCode) {
    needCode = String(input.needCode).trim();
    if (!needCodes.has(needCode)) problems.add('needCode', `"${input.needCode}" is not a need of the knowledge base`, row);
    else if (direction === FlowDirection.OUTPUT) problems.add('needCode', 'only applies to inputs', row);
  }
  const quantity = checkNumber(problems, 'quantity', input.quantity, { min: 0, max: 1e12 }, row);
  if (quantity === 0) problems.add('quantity', 'must be greater than 0 (leave it empty when unknown)', row);
  const unit = parseUnit(input.unit ?? null);
  if (!unit) {
    problems.add('unit', `must be one of ${Object.values(FlowUnit).join(', ')} (or ${Object.values(UNIT_SYMBOLS).join(', ')})`, row);
  }
  const period = checkEnum(problems, 'period', FlowPeriod, input.period, {}, row);
  const physicalForm = checkEnum(problems, 'physicalForm', PhysicalForm, input.physicalForm, { required: false }, row);
  const temperatureC = checkNumber(problems, 'temperatureC', input.temperatureC, { min: -273.15, max: 2000 }, row);
  const availableMonths = checkMonths(problems, input.availableMonths, row);
  const visibility = checkEnum(problems, 'visibility', Visibility, input.visibility, {}, row);
  const status = checkEnum(problems, 'status', FlowStatus, input.status ?? FlowStatus.ACTIVE, {}, row);
  const currentDestination = checkEnum(problems, 'currentDestination', CurrentDestination, input.currentDestination, { required: false }, row);
  if (currentDestination && direction === FlowDirection.INPUT) {
    problems.add('currentDestination', 'only applies to outputs', row);
  }
  const yearlyCostEur = checkNumber(problems, 'yearlyCostEur', input.yearlyCostEur, { min: 0, max: 1e10 }, row);
  const counterfactual = checkCounterfactual(problems, input, direction, row);
  return {
    direction: direction!,
    category: category!,
    label: label!,
    description,
    ewcCode,
    needCode,
    hazardous: ewcCode ? Boolean(findWasteCode(ewcCode)?.hazardous) : false,
    quantity,
    unit: unit!,
    period: period!,
    yearlyQuantity: period ? yearlyQuantity(quantity, period) : null,
    physicalForm,
    temperatureC,
    availableMonths,
    visibility: visibility!,
    status: status!,
    currentDestination,
    yearlyCostEur,
    ...counterfactual,
  };
}

/**
 * Declared counterfactuals: a heat need's supply today (inputs), with its efficiency or, for a heating network, its
 * published CO2 content (required then: the network's whole point); the share of a source already used (outputs).
 */
function checkCounterfactual(problems: ProblemList, input: FlowFields, direction: FlowDirection | null, row?: number) {
  const heatSupply = checkEnum(problems, 'heatSupply', HeatSupply, input.heatSupply, { required: false }, row);
  const heatSupplyEfficiency = checkNumber(problems, 'heatSupplyEfficiency', input.heatSupplyEfficiency, { min: 0.1, max: 8 }, row);
  const heatNetworkName = checkText(problems, 'heatNetworkName', input.heatNetworkName, { max: 200 }, row);
  const heatNetworkCo2GPerKwh = checkNumber(problems, 'heatNetworkCo2GPerKwh', input.heatNetworkCo2GPerKwh, { min: 0, max: 1000 }, row);
  const usedShareToday = checkNumber(problems, 'usedShareToday', input.usedShareToday, { min: 0, max: 1 }, row);
  const supplyFields = { heatSupply, heatSupplyEfficiency, heatNetworkName, heatNetworkCo2GPerKwh };
  if (direction === FlowDirection.OUTPUT) {
    for (const [field, value] of Object.entries(supplyFields)) if (value !== null) problems.add(field, 'only applies to inputs (how the need is met today)', row);
  } else if (direction === FlowDirection.INPUT && usedShareToday !== null) {
    problems.add('usedShareToday', 'only applies to outputs (a source already used today)', row);
  }
  if (heatSupply !== HeatSupply.HEATING_NETWORK && (heatNetworkName !== null || heatNetworkCo2GPerKwh !== null)) {
    problems.add('heatNetworkCo2GPerKwh', 'only applies to a heat supply of HEATING_NETWORK', row);
  }
  if (heatSupply === HeatSupply.HEATING_NETWORK && heatNetworkCo2GPerKwh === null) {
    problems.add('heatNetworkCo2GPerKwh', "is required for a heating network: its published CO2 content, g CO2e/kWh (arrêté DPE, annex 7)", row);
  }
  if (heatSupply === HeatSupply.HEATING_NETWORK && heatSupplyEfficiency !== null) {
    problems.add('heatSupplyEfficiency', "does not apply to a heating network: its CO2 content is per kWh delivered", row);
  }
  if (heatSupply === null && heatSupplyEfficiency !== null) problems.add('heatSupplyEfficiency', 'needs a heatSupply', row);
  return { ...supplyFields, usedShareToday };
}

function checkMonths(problems: ProblemList, months: unknown, row?: number): number[] | null {
  if (months === undefined || months === null) return null;
  if (!Array.isArray(months) || months.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) {
    problems.add('availableMonths', 'must be a list of months between 1 and 12', row);
    return null;
  }
  const unique = [...new Set(months as number[])].sort((a, b) => a - b);
  if (unique.length === 0) {
    problems.add('availableMonths', 'must name at least one month (leave it empty for all year)', row);
    return null;
  }
  return unique.length === 12 ? null : unique;
}
