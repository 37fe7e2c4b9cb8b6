import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../graphql/global-id.js';
import { Node } from '../graphql/node.js';
import { canSeeFlowCosts, flowAccess } from '../policy/policy.js';
import type { MaybeViewer } from '../policy/viewer.js';
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
} from '../vocabulary/flow.enums.js';
import type { FlowRecord } from './flow.record.js';
import { dayOf } from '../policy/anonymous-time.js';

export enum FlowDisclosure {
  FULL = 'FULL',
  ANONYMOUS = 'ANONYMOUS',
}
registerEnumType(FlowDisclosure, {
  name: 'FlowDisclosure',
  description: 'How much of a flow you see.',
  valuesConfig: {
    FULL: { description: 'The flow with its organisation and site.' },
    ANONYMOUS: { description: 'A TERRITORY flow of another organisation: who declared it and where are withheld.' },
  },
});

@ObjectType('ResourceFlow', {
  implements: Node,
  description:
    'What a site has (OUTPUT) or needs (INPUT). Fields you may not see are null: the organisation and site of an ' +
    "anonymous flow, and costs unless it is your organisation's flow or you facilitate its territory.",
})
export class FlowNode extends Node {
  dbId!: string;
  /** Null when the viewer may not know who declared the flow: nothing downstream can then reveal it. */
  organizationDbId!: string | null;
  siteDbId!: string | null;
  territoryDbId!: string;

  @Field(() => FlowDisclosure, { description: 'Whether you see who declared this flow.' })
  disclosure!: FlowDisclosure;

  @Field(() => FlowDirection, { description: 'OUTPUT (has) or INPUT (needs).' })
  direction!: FlowDirection;

  @Field(() => ResourceCategory, { description: 'Kind of resource.' })
  category!: ResourceCategory;

  @Field(() => String, { description: 'Short name, e.g. "Laitier d\'aciérie".' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'Details: composition, constraints, packaging…' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'European List of Waste code "NN NN NN", for wastes.' })
  ewcCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Inputs: the need of the knowledge base this flow was declared as (see `needs`).' })
  needCode!: string | null;

  @Field(() => Boolean, { description: 'Whether the List of Waste marks the code hazardous (starred).' })
  hazardous!: boolean;

  @Field(() => Float, { nullable: true, description: 'Quantity per period, in `unit`; null when unknown.' })
  quantity!: number | null;

  @Field(() => FlowUnit, { description: 'Unit of the quantity.' })
  unit!: FlowUnit;

  @Field(() => String, { description: 'Symbol of the unit: t, kg, m3, L, MWh, kWh, unit, h, m2.' })
  unitSymbol!: string;

  @Field(() => FlowPeriod, { description: 'Period the quantity refers to.' })
  period!: FlowPeriod;

  @Field(() => Float, { nullable: true, description: 'Quantity per year in `unit` (derived from quantity and period).' })
  yearlyQuantity!: number | null;

  @Field(() => PhysicalForm, { nullable: true, description: 'Physical form (solid, sludge, liquid…).' })
  physicalForm!: PhysicalForm | null;

  @Field(() => Float, { nullable: true, description: 'Temperature in °C, for heat, steam, cooling and water.' })
  temperatureC!: number | null;

  @Field(() => [Int], { nullable: true, description: 'Months (1-12) when the flow exists; null means all year.' })
  availableMonths!: number[] | null;

  @Field(() => Visibility, { description: 'Who may see the flow.' })
  visibility!: Visibility;

  @Field(() => FlowStatus, { description: 'ACTIVE or ARCHIVED.' })
  status!: FlowStatus;

  @Field(() => CurrentDestination, {
    nullable: true,
    description: 'Outputs: where the flow goes today (its baseline). Confidential: only the organisation and its facilitators see it.',
  })
  currentDestination!: CurrentDestination | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Euros per year paid today (purchase, or disposal/treatment). Confidential: only the organisation and its facilitators see it.',
  })
  yearlyCostEur!: number | null;

  @Field(() => HeatSupply, { nullable: true, description: 'Inputs needing heat: how the need is met today (the heat baseline). Confidential: only the organisation and its facilitators see it.' })
  heatSupply!: HeatSupply | null;

  @Field(() => Float, { nullable: true, description: "That supply's efficiency (a heat pump: its COP). Confidential: only the organisation and its facilitators see it." })
  heatSupplyEfficiency!: number | null;

  @Field(() => String, { nullable: true, description: 'A heating network supply: its name. Confidential: only the organisation and its facilitators see it.' })
  heatNetworkName!: string | null;

  @Field(() => Float, { nullable: true, description: 'A heating network supply: its published CO2 content, g CO2e/kWh. Confidential: only the organisation and its facilitators see it.' })
  heatNetworkCo2GPerKwh!: number | null;

  @Field(() => Float, { nullable: true, description: 'Outputs of heat or water: share already used today, 0 to 1. Confidential: only the organisation and its facilitators see it.' })
  usedShareToday!: number | null;

  @Field(() => Date, { description: 'When the flow was declared (the day only, for an anonymous flow).' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the flow last changed (the day only, for an anonymous flow).' })
  updatedAt!: Date;

  /**
   * Shapes a flow for one viewer. The caller has checked the viewer may see it at all. Who and where are never
   * copied into an anonymous view, even unexposed. Fields are set one by one (no spread): a directory page shapes a
   * thousand flows, and one object shape keeps that cheap.
   */
  static forViewer(record: FlowRecord, viewer: MaybeViewer): FlowNode {
    const full = flowAccess(viewer, record) === 'FULL';
    const node = new FlowNode();
    node.id = toGlobalId('ResourceFlow', record.id);
    node.dbId = record.id;
    node.organizationDbId = full ? record.organizationId : null;
    node.siteDbId = full ? record.siteId : null;
    node.territoryDbId = record.territoryId;
    node.disclosure = full ? FlowDisclosure.FULL : FlowDisclosure.ANONYMOUS;
    node.direction = record.direction;
    node.category = record.category;
    node.label = record.label;
    node.description = record.description;
    node.ewcCode = record.ewcCode;
    node.needCode = record.needCode;
    node.hazardous = record.hazardous;
    node.quantity = record.quantity;
    node.unit = record.unit;
    node.unitSymbol = UNIT_SYMBOLS[record.unit];
    node.period = record.period;
    node.yearlyQuantity = record.yearlyQuantity;
    node.physicalForm = record.physicalForm;
    node.temperatureC = record.temperatureC;
    node.availableMonths = record.availableMonths;
    node.visibility = record.visibility;
    node.status = record.status;
    // Costs and declared counterfactuals (where the output goes today, how a heat need is met): diagnostic data for
    // the organisation and its facilitators only. The counterfactuals are COUNTERFACTUAL_FIELDS (engine.types.ts),
    // each read by the other party and a stranger in test/attacks/declared-counterfactuals.test.ts.
    const costs = canSeeFlowCosts(viewer, record);
    node.currentDestination = costs ? record.currentDestination : null;
    node.yearlyCostEur = costs ? record.yearlyCostEur : null;
    node.heatSupply = costs ? record.heatSupply : null;
    node.heatSupplyEfficiency = costs ? record.heatSupplyEfficiency : null;
    node.heatNetworkName = costs ? record.heatNetworkName : null;
    node.heatNetworkCo2GPerKwh = costs ? record.heatNetworkCo2GPerKwh : null;
    node.usedShareToday = costs ? record.usedShareToday : null;
    node.createdAt = full ? record.createdAt : dayOf(record.createdAt);
    node.updatedAt = full ? record.updatedAt : dayOf(record.updatedAt);
    return node;
  }
}
