import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { connectionOf } from '../graphql/connection.js';
import {
  CurrentDestination,
  HeatSupply,
  FlowDirection,
  FlowPeriod,
  FlowStatus,
  FlowUnit,
  PhysicalForm,
  ResourceCategory,
  Visibility,
} from '../vocabulary/flow.enums.js';
import { FlowNode } from './flow.types.js';

export const FlowConnection = connectionOf(FlowNode, 'ResourceFlow', 'resource flow');

@InputType({ description: 'A point and a radius.' })
export class NearInput {
  @Field(() => Float, { description: 'Latitude of the centre, -90 to 90.' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude of the centre, -180 to 180.' })
  longitude!: number;

  @Field(() => Float, { description: 'Radius in km, up to 1000.' })
  radiusKm!: number;
}

@InputType({ description: 'Narrows a list of flows. Filters combine with AND.' })
export class FlowFilterInput {
  @Field(() => ID, { nullable: true, description: 'Flows of this territory and of territories nested in it.' })
  territoryId?: string;

  @Field(() => FlowDirection, { nullable: true, description: 'OUTPUT or INPUT.' })
  direction?: FlowDirection;

  @Field(() => ResourceCategory, { nullable: true, description: 'Kind of resource.' })
  category?: ResourceCategory;

  @Field(() => String, { nullable: true, description: 'A List of Waste code ("10 02 01") or its chapter/sub-chapter prefix ("10", "10 02").' })
  ewcCode?: string;

  @Field(() => String, { nullable: true, description: 'Words in the label or description, accent- and case-insensitive.' })
  text?: string;

  @Field(() => NearInput, {
    nullable: true,
    description: 'Flows of sites within this distance. Only flows whose site you may see match: anonymous flows never do.',
  })
  near?: NearInput;

  @Field(() => ID, { nullable: true, description: 'Flows of this organisation (those you may attribute to it).' })
  organizationId?: string;

  @Field(() => FlowStatus, { nullable: true, defaultValue: FlowStatus.ACTIVE, description: 'ACTIVE (default) or ARCHIVED.' })
  status?: FlowStatus;
}

@ArgsType()
export class FlowsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 0 to 100.' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string;

  @Field(() => FlowFilterInput, { nullable: true, description: 'Filters.' })
  filter?: FlowFilterInput;
}

@ArgsType()
export class OrganizationFlowsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 0 to 100.' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string;

  @Field(() => FlowDirection, { nullable: true, description: 'OUTPUT or INPUT.' })
  direction?: FlowDirection;

  @Field(() => ResourceCategory, { nullable: true, description: 'Kind of resource.' })
  category?: ResourceCategory;
}

/** Fields common to declaring and updating; in an update, absent means unchanged and null clears. */
@InputType({ description: 'A resource flow of a site.' })
export class DeclareFlowInput {
  @Field(() => ID, { description: 'Site that has or needs the resource.' })
  siteId!: string;

  @Field(() => FlowDirection, { description: 'OUTPUT (has) or INPUT (needs).' })
  direction!: FlowDirection;

  @Field(() => ResourceCategory, { description: 'Kind of resource.' })
  category!: ResourceCategory;

  @Field(() => String, { description: 'Short name.' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'Details.' })
  description?: string;

  @Field(() => String, { nullable: true, description: 'List of Waste code; required for a waste output.' })
  ewcCode?: string;

  @Field(() => String, { nullable: true, description: 'Inputs: a need code of the knowledge base (query `needs`).' })
  needCode?: string;

  @Field(() => Float, { nullable: true, description: 'Quantity per period, > 0.' })
  quantity?: number;

  @Field(() => FlowUnit, { description: 'Unit.' })
  unit!: FlowUnit;

  @Field(() => FlowPeriod, { description: 'Period of the quantity.' })
  period!: FlowPeriod;

  @Field(() => PhysicalForm, { nullable: true, description: 'Physical form.' })
  physicalForm?: PhysicalForm;

  @Field(() => Float, { nullable: true, description: 'Temperature in °C.' })
  temperatureC?: number;

  @Field(() => [Int], { nullable: true, description: 'Months 1-12 when available; omit for all year.' })
  availableMonths?: number[];

  @Field(() => Visibility, { description: 'Who may see the flow.' })
  visibility!: Visibility;

  @Field(() => CurrentDestination, { nullable: true, description: 'Outputs: where it goes today.' })
  currentDestination?: CurrentDestination;

  @Field(() => Float, { nullable: true, description: 'Euros per year paid today. Confidential.' })
  yearlyCostEur?: number;

  @Field(() => HeatSupply, { nullable: true, description: 'Inputs needing heat: how the need is met today. Confidential.' })
  heatSupply?: HeatSupply;

  @Field(() => Float, { nullable: true, description: "That supply's efficiency (a heat pump: its COP); omit for the usual one. Confidential." })
  heatSupplyEfficiency?: number;

  @Field(() => String, { nullable: true, description: 'A heating network supply: its name. Confidential.' })
  heatNetworkName?: string;

  @Field(() => Float, { nullable: true, description: "A heating network supply: its published CO2 content, g CO2e/kWh (arrêté DPE, annex 7). Confidential." })
  heatNetworkCo2GPerKwh?: number;

  @Field(() => Float, { nullable: true, description: 'Outputs of heat or water: share already used today, 0 to 1. Confidential.' })
  usedShareToday?: number;
}

@InputType({ description: 'Changes to a flow: absent fields are unchanged, null clears an optional field.' })
export class UpdateFlowInput {
  @Field(() => ID, { nullable: true, description: 'Move the flow to another site of the same organisation.' })
  siteId?: string;

  @Field(() => FlowDirection, { nullable: true, description: 'OUTPUT or INPUT.' })
  direction?: FlowDirection;

  @Field(() => ResourceCategory, { nullable: true, description: 'Kind of resource.' })
  category?: ResourceCategory;

  @Field(() => String, { nullable: true, description: 'Short name.' })
  label?: string;

  @Field(() => String, { nullable: true, description: 'Details.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'List of Waste code.' })
  ewcCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Inputs: a need code of the knowledge base.' })
  needCode?: string | null;

  @Field(() => Float, { nullable: true, description: 'Quantity per period.' })
  quantity?: number | null;

  @Field(() => FlowUnit, { nullable: true, description: 'Unit.' })
  unit?: FlowUnit;

  @Field(() => FlowPeriod, { nullable: true, description: 'Period.' })
  period?: FlowPeriod;

  @Field(() => PhysicalForm, { nullable: true, description: 'Physical form.' })
  physicalForm?: PhysicalForm | null;

  @Field(() => Float, { nullable: true, description: 'Temperature in °C.' })
  temperatureC?: number | null;

  @Field(() => [Int], { nullable: true, description: 'Months 1-12; null for all year.' })
  availableMonths?: number[] | null;

  @Field(() => Visibility, { nullable: true, description: 'Who may see the flow.' })
  visibility?: Visibility;

  @Field(() => FlowStatus, { nullable: true, description: 'ACTIVE or ARCHIVED.' })
  status?: FlowStatus;

  @Field(() => CurrentDestination, { nullable: true, description: 'Where it goes today.' })
  currentDestination?: CurrentDestination | null;

  @Field(() => Float, { nullable: true, description: 'Euros per year paid today.' })
  yearlyCostEur?: number | null;

  @Field(() => HeatSupply, { nullable: true, description: 'Inputs needing heat: how the need is met today. Confidential.' })
  heatSupply?: HeatSupply | null;

  @Field(() => Float, { nullable: true, description: "That supply's efficiency (a heat pump: its COP). Confidential." })
  heatSupplyEfficiency?: number | null;

  @Field(() => String, { nullable: true, description: 'A heating network supply: its name. Confidential.' })
  heatNetworkName?: string | null;

  @Field(() => Float, { nullable: true, description: 'A heating network supply: its published CO2 content, g CO2e/kWh. Confidential.' })
  heatNetworkCo2GPerKwh?: number | null;

  @Field(() => Float, { nullable: true, description: 'Outputs of heat or water: share already used today, 0 to 1. Confidential.' })
  usedShareToday?: number | null;
}
