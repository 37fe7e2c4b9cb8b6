import type {
  CurrentDestination,
  DeclareFlowInput,
  FlowDirection,
  FlowFieldsFragment,
  FlowPeriod,
  FlowUnit,
  PhysicalForm,
  ResourceCategory,
  Visibility,
} from '../../gql/graphql';

// The flow form's state, as the person types it, and its translation into the API's inputs. Kept free of React so
// that what is sent for each choice is tested on its own.

export const CATEGORIES: readonly ResourceCategory[] = [
  'WASTE', 'MATERIAL', 'ENERGY', 'WATER', 'EQUIPMENT', 'SERVICE', 'SKILL', 'SPACE', 'LOGISTICS',
];
export const UNITS: readonly FlowUnit[] = [
  'TONNE', 'KILOGRAM', 'CUBIC_METRE', 'LITRE', 'MEGAWATT_HOUR', 'KILOWATT_HOUR', 'UNIT', 'HOUR', 'SQUARE_METRE',
];
export const PERIODS: readonly FlowPeriod[] = ['YEAR', 'MONTH', 'WEEK', 'DAY', 'ONE_OFF'];
export const PHYSICAL_FORMS: readonly PhysicalForm[] = ['SOLID', 'POWDER', 'SLUDGE', 'LIQUID', 'GAS', 'NOT_APPLICABLE'];
export const DESTINATIONS: readonly CurrentDestination[] = [
  'REUSE', 'RECYCLING', 'ENERGY_RECOVERY', 'INCINERATION', 'LANDFILL', 'SEWER', 'OTHER',
];
export const VISIBILITIES: readonly Visibility[] = ['PRIVATE', 'TERRITORY', 'PUBLIC'];
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

export interface FlowFormState {
  direction: FlowDirection;
  /** Empty until chosen: the rest of the form depends on it. */
  category: ResourceCategory | '';
  siteId: string;
  label: string;
  description: string;
  ewcCode: string;
  needCode: string;
  /** Numbers as typed, so that "12,5" and a half-typed value survive until the form is sent. */
  quantity: string;
  unit: FlowUnit;
  period: FlowPeriod;
  physicalForm: PhysicalForm | '';
  temperatureC: string;
  allYear: boolean;
  months: number[];
  currentDestination: CurrentDestination | '';
  yearlyCostEur: string;
  visibility: Visibility;
}

/** The fields of the form, named as the API names the problems it reports. */
export type FlowField = Exclude<keyof FlowFormState, 'allYear' | 'months'> | 'availableMonths';

export const FLOW_FIELDS: readonly FlowField[] = [
  'direction', 'category', 'siteId', 'label', 'description', 'ewcCode', 'needCode', 'quantity', 'unit', 'period',
  'physicalForm', 'temperatureC', 'availableMonths', 'currentDestination', 'yearlyCostEur', 'visibility',
];

export function emptyFlowForm(siteId = ''): FlowFormState {
  return {
    direction: 'OUTPUT',
    category: '',
    siteId,
    label: '',
    description: '',
    ewcCode: '',
    needCode: '',
    quantity: '',
    unit: 'TONNE',
    period: 'YEAR',
    physicalForm: '',
    temperatureC: '',
    allYear: true,
    months: [],
    currentDestination: '',
    yearlyCostEur: '',
    visibility: 'TERRITORY',
  };
}

/** The form of a stored flow, for editing it. */
export function flowFormOf(flow: FlowFieldsFragment): FlowFormState {
  const months = flow.availableMonths ?? [];
  return {
    direction: flow.direction,
    category: flow.category,
    siteId: flow.site?.id ?? '',
    label: flow.label,
    description: flow.description ?? '',
    ewcCode: flow.ewcCode ?? '',
    needCode: flow.needCode ?? '',
    quantity: flow.quantity === null ? '' : String(flow.quantity),
    unit: flow.unit,
    period: flow.period,
    physicalForm: flow.physicalForm ?? '',
    temperatureC: flow.temperatureC === null ? '' : String(flow.temperatureC),
    allYear: months.length === 0 || months.length === 12,
    months,
    currentDestination: flow.currentDestination ?? '',
    yearlyCostEur: flow.yearlyCostEur === null ? '' : String(flow.yearlyCostEur),
    visibility: flow.visibility,
  };
}

/** The usual unit of a category, proposed when it is chosen. */
export function usualUnit(category: ResourceCategory): FlowUnit {
  switch (category) {
    case 'ENERGY':
      return 'MEGAWATT_HOUR';
    case 'WATER':
      return 'CUBIC_METRE';
    case 'SERVICE':
    case 'SKILL':
    case 'LOGISTICS':
      return 'HOUR';
    case 'SPACE':
      return 'SQUARE_METRE';
    case 'EQUIPMENT':
      return 'UNIT';
    default:
      return 'TONNE';
  }
}

/** Choosing a category also proposes its usual unit; what depends on the category is cleared when it no longer applies. */
export function chooseCategory(state: FlowFormState, category: ResourceCategory): FlowFormState {
  const next = { ...state, category, unit: usualUnit(category) };
  return withoutIrrelevant(next);
}

/** Switching between "we have" and "we need" keeps what still applies. */
export function chooseDirection(state: FlowFormState, direction: FlowDirection): FlowFormState {
  return withoutIrrelevant({ ...state, direction });
}

/** How the resource is named in the knowledge base: a List of Waste code for what is given away, a need otherwise. */
export function codeKind(state: Pick<FlowFormState, 'direction' | 'category'>): 'ewc' | 'need' | null {
  if (state.category === '') return null;
  if (state.direction === 'INPUT') return 'need';
  return state.category === 'WASTE' || state.category === 'MATERIAL' ? 'ewc' : null;
}

/** Temperature decides whether heat, cooling or water can be used elsewhere. */
export function temperatureMatters(category: ResourceCategory | ''): boolean {
  return category === 'ENERGY' || category === 'WATER';
}

export function physicalFormMatters(category: ResourceCategory | ''): boolean {
  return category === 'WASTE' || category === 'MATERIAL' || category === 'WATER';
}

function withoutIrrelevant(state: FlowFormState): FlowFormState {
  const kind = codeKind(state);
  return {
    ...state,
    ewcCode: kind === 'ewc' ? state.ewcCode : '',
    needCode: kind === 'need' ? state.needCode : '',
    temperatureC: temperatureMatters(state.category) ? state.temperatureC : '',
    physicalForm: physicalFormMatters(state.category) ? state.physicalForm : '',
    currentDestination: state.direction === 'OUTPUT' ? state.currentDestination : '',
  };
}

/** A problem found before sending: the message key says what is wrong, the server checks everything else. */
export type LocalProblem = 'required' | 'notANumber';

export type FormOutcome<T> = { ok: true; input: T } | { ok: false; problems: Partial<Record<FlowField, LocalProblem>> };

/** The fields every flow has, read from the form; numbers are parsed, empty optional fields become null. */
function readFields(state: FlowFormState) {
  const problems: Partial<Record<FlowField, LocalProblem>> = {};
  const number = (field: FlowField, text: string): number | null => {
    const trimmed = text.trim().replace(/\s/g, '').replace(',', '.');
    if (trimmed === '') return null;
    const value = Number(trimmed);
    if (!Number.isFinite(value)) {
      problems[field] = 'notANumber';
      return null;
    }
    return value;
  };
  if (state.category === '') problems.category = 'required';
  if (state.siteId === '') problems.siteId = 'required';
  if (state.label.trim() === '') problems.label = 'required';
  if (!state.allYear && state.months.length === 0) problems.availableMonths = 'required';
  const kind = codeKind(state);
  const fields = {
    direction: state.direction,
    category: state.category as ResourceCategory,
    label: state.label.trim(),
    description: state.description.trim() || null,
    ewcCode: kind === 'ewc' ? state.ewcCode.trim() || null : null,
    needCode: kind === 'need' ? state.needCode.trim() || null : null,
    quantity: number('quantity', state.quantity),
    unit: state.unit,
    period: state.period,
    physicalForm: physicalFormMatters(state.category) ? state.physicalForm || null : null,
    temperatureC: temperatureMatters(state.category) ? number('temperatureC', state.temperatureC) : null,
    availableMonths: state.allYear ? null : [...state.months].sort((a, b) => a - b),
    currentDestination: state.direction === 'OUTPUT' ? state.currentDestination || null : null,
    yearlyCostEur: number('yearlyCostEur', state.yearlyCostEur),
    visibility: state.visibility,
  };
  return { fields, problems };
}

/**
 * The input of `declareFlow`, or what must be fixed first. `updateFlow` takes the same: every field is sent, null
 * clearing those left empty.
 */
export function toFlowInput(state: FlowFormState): FormOutcome<DeclareFlowInput> {
  const { fields, problems } = readFields(state);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, input: { ...fields, siteId: state.siteId } };
}
