import { registerEnumType } from 'type-graphql';
import { ImpactIndicatorCode } from '../vocabulary/impact.enums.js';
import { ApprovalStatus, MembershipRole, OrganizationKind } from '../vocabulary/organization.enums.js';
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

/** The domain's enums as GraphQL enums, each value described for integrators. */
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'Kind of actor of a territory.',
  valuesConfig: {
    COMPANY: { description: 'A company (entreprise).' },
    AUTHORITY: { description: 'A local authority (collectivité).' },
    SSE: { description: 'Social and solidarity economy, including insertion enterprises.' },
    RESEARCH: { description: 'A research laboratory or technical centre.' },
    UNIVERSITY: { description: 'A university or school.' },
    FACILITATOR: { description: "The territory's facilitator (e.g. VALO'LAB)." },
    OTHER: { description: 'Any other actor (chamber of commerce, association…).' },
  },
});
registerEnumType(MembershipRole, {
  name: 'MembershipRole',
  description: 'Role of a user in an organisation.',
  valuesConfig: {
    ADMIN: { description: 'Manages the organisation and its members.' },
    MEMBER: { description: "Edits the organisation's sites and flows." },
  },
});
registerEnumType(ApprovalStatus, {
  name: 'ApprovalStatus',
  description: 'Where joining a territory (an organisation) or an organisation (a member) stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for a facilitator (or the organisation’s admin): sees what a visitor sees.' },
    APPROVED: { description: 'Approved: takes part.' },
    REJECTED: { description: 'Refused: sees what a visitor sees.' },
  },
});
registerEnumType(FlowDirection, {
  name: 'FlowDirection',
  description: 'Whether a site has the resource or needs it.',
  valuesConfig: {
    OUTPUT: { description: 'Surplus, by-product or waste the site has (gisement).' },
    INPUT: { description: 'Something the site needs (besoin).' },
  },
});
registerEnumType(ResourceCategory, { name: 'ResourceCategory', description: 'What kind of resource a flow is.' });
registerEnumType(FlowUnit, {
  name: 'FlowUnit',
  description: 'Unit of a flow quantity.',
  valuesConfig: {
    TONNE: { description: 't' },
    KILOGRAM: { description: 'kg' },
    CUBIC_METRE: { description: 'm³' },
    LITRE: { description: 'L' },
    MEGAWATT_HOUR: { description: 'MWh' },
    KILOWATT_HOUR: { description: 'kWh' },
    UNIT: { description: 'items (pallets, machines…)' },
    HOUR: { description: 'hours (services, skills, machine time)' },
    SQUARE_METRE: { description: 'm² (space)' },
  },
});
registerEnumType(FlowPeriod, {
  name: 'FlowPeriod',
  description: 'Period the quantity refers to.',
  valuesConfig: { ONE_OFF: { description: 'A single lot; its yearly figure is the quantity itself.' } },
});
registerEnumType(PhysicalForm, { name: 'PhysicalForm', description: 'Physical form of a material flow.' });
registerEnumType(Visibility, {
  name: 'Visibility',
  description: 'Who may see a flow.',
  valuesConfig: {
    PRIVATE: { description: "The declaring organisation and the territory's facilitators only." },
    TERRITORY: { description: 'Members of the territory see the flow, not who declared it nor where.' },
    PUBLIC: { description: 'Everyone, with the declaring organisation.' },
  },
});
registerEnumType(FlowStatus, { name: 'FlowStatus', description: 'Whether a flow is current.' });
registerEnumType(CurrentDestination, {
  name: 'CurrentDestination',
  description: 'Where an output goes today: the baseline of impact estimates.',
});
registerEnumType(HeatSupply, {
  name: 'HeatSupply',
  description: 'How a heat need is met today: the baseline a recovered-heat synergy replaces.',
});
registerEnumType(ImpactIndicatorCode, {
  name: 'ImpactIndicator',
  description: "An indicator a synergy's impacts are estimated in (docs/impact-method.md); a plan's expected indicator may name one.",
  valuesConfig: {
    TONNES_DIVERTED: { description: 'Tonnes diverted from disposal a year.' },
    MWH_RECOVERED: { description: 'Energy recovered, MWh a year.' },
    WATER_M3_SAVED: { description: 'Water saved, m³ a year.' },
    CO2E_AVOIDED_T: { description: 'Greenhouse gases avoided, t CO2e a year.' },
    EUROS_SAVED: { description: 'Euros saved a year, by the organisation that saves them.' },
    JOBS: { description: 'Jobs (full-time equivalents).' },
    INSERTION_JOBS: { description: 'Of which insertion jobs (full-time equivalents).' },
  },
});
