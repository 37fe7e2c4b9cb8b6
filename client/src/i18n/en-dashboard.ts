import type { frDashboard } from './fr-dashboard';

/** English messages of the territory dashboard; typed against the French ones. */
export const enDashboard: Record<keyof typeof frDashboard, string> = {
  'nav.dashboard': 'Dashboard',
  'dashboard.title': 'Territory dashboard',
  'dashboard.intro':
    'Indicators of the synergies by stage, the map of sites and links, the territory’s flows and the network of actors — as you may see them.',
  'dashboard.territory': 'Territory',
  'dashboard.noTerritory': 'You belong to no territory: there is nothing to show here.',
  'dashboard.error': 'The dashboard could not be loaded: {message}',
  'dashboard.truncated': 'The territory has more flows or synergies than the pictures show: they are partial.',
  'dashboard.indicators': 'Indicators by stage',
  'dashboard.method.summary': 'How these figures are computed',
  'dashboard.method.text':
    'Each synergy estimates its yearly impacts (low, central and high) from declared quantities or, failing those, typical values, and from published factors (avoided emissions, costs, jobs) whose source is cited; a factor naming no database item, or a convention of the method (share of the match taken up if the synergy happens: 85 %, 70 to 100 %), is shown as an assumption with its range. The totals count each flow once; the “expected” totals multiply them by the probability that a synergy at its stage happens: suggested 23.5 % (138 of 588 detected synergies concretised, French PNSI 2015–2017), in progress an assumption from 23.5 to 100 %, operational 100 %. The detail of a calculation, its factors and their sources are on each synergy’s page.',
  'dashboard.method.link': 'See the calculation on a synergy’s page',

  'dashboard.map': 'Map of sites and synergies',
  'dashboard.map.note':
    'Local basemap shipped with the app: the départements around Grand Est (Natural Earth) and the places of more than 1,000 inhabitants (GeoNames), named by zoom, and a scale. No tile is loaded from the Internet.',
  'dashboard.map.tilesNote': 'Basemap: tiles configured for this instance, under the outlines of the départements shipped with the app.',
  'dashboard.map.label': 'Map: {sites} sites, {lines} synergy links',
  'dashboard.map.empty': 'No site to place.',
  'dashboard.map.anonymous': 'Anonymous partners are not placed on the map.',
  'dashboard.map.sites': 'Sites placed on the map ({count})',

  'dashboard.sankey': 'Flows of the territory',
  'dashboard.sankey.intro': 'The outputs you may see, from the kind of resource to the chapter of the List of Waste, then to where they go.',
  'dashboard.sankey.today': 'Today',
  'dashboard.sankey.after': 'After the suggested synergies',
  'dashboard.sankey.dimension': 'Quantity',
  'dashboard.sankey.dimension.mass': 'Mass (t/yr)',
  'dashboard.sankey.dimension.energy': 'Energy (MWh/yr)',
  'dashboard.sankey.dimension.volume': 'Volume (m³/yr)',
  'dashboard.sankey.unit.mass': 't',
  'dashboard.sankey.unit.energy': 'MWh',
  'dashboard.sankey.unit.volume': 'm³',
  'dashboard.sankey.label': 'Sankey diagram: {total} {unit} a year',
  'dashboard.sankey.diverted': '{diverted} {unit} a year would go to a synergy (each quantity counted once).',
  'dashboard.sankey.empty': 'No visible flow of this quantity.',
  'dashboard.sankey.note':
    'After the synergies: each open substitution, best score first, takes at most what is left of the output and of the need; competing suggestions do not add up.',
  'dashboard.sankey.table': 'The same flows as a table',
  'dashboard.sankey.from': 'From',
  'dashboard.sankey.to': 'To',
  'dashboard.sankey.quantity': 'Quantity ({unit}/yr)',
  'dashboard.sankey.otherStream': 'No waste code',
  'dashboard.sankey.chapter': 'LoW {code}',
  'dashboard.destination.UNKNOWN': 'Destination not given, or confidential',
  'dashboard.destination.SYNERGY': 'Synergy',

  'dashboard.network': 'Synergy network',
  'dashboard.network.intro': 'The actors and the synergies between them, coloured by stage.',
  'dashboard.network.label': 'Network: {nodes} actors, {edges} synergies',
  'dashboard.network.empty': 'No synergy to show.',
  'dashboard.network.anonymous': 'Anonymous partner',
  'dashboard.stage.suggested': 'Suggested',
  'dashboard.stage.contactRequested': 'Contact requested',
  'dashboard.stage.accepted': 'Accepted',
  'dashboard.legend': 'Legend',
};
