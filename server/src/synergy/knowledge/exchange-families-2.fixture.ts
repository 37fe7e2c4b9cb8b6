import { energy, heat, material, waste, water, type ExchangeFamily, type ProbeSide } from './exchange-families.fixture.js';

/**
 * More families of the coverage audit (see exchange-families.fixture.ts): construction and mineral residues, wood
 * and paper, packaging, heat for buildings and drying, and organic streams.
 */
export const MORE_EXCHANGE_FAMILIES: ExchangeFamily[] = [
  {
    id: 'steel slag, bottom ash and crushed concrete as aggregates',
    sources: ['ciment-catala-2020', 'chertow-park-2019'],
    km: 30,
    outputs: [waste('Laitier d’aciérie de four électrique', '10 02 02', 'SOLID'), waste('Mâchefers d’incinération', '19 01 12', 'SOLID'), waste('Crushed concrete from demolition', '17 01 01', 'SOLID')],
    inputs: [material('Granulats pour couche de forme'), material('Aggregates for the road sub-base'), material('Crushed stone for road construction')],
  },
  {
    id: 'foundry sand to construction or cement',
    sources: ['ciment-catala-2020'],
    km: 40,
    outputs: [waste('Sables de fonderie usagés', '10 09 08', 'SOLID'), waste('Spent foundry sand', '10 10 08', 'SOLID')],
    inputs: [material('Sable pour la fabrication de béton'), material('Sand for the raw meal (silica corrective)')],
  },
  {
    id: 'mill scale and iron-bearing dust back to ironmaking',
    sources: ['chertow-park-2019'],
    km: 150,
    outputs: [waste('Battitures de laminage', '10 02 10', 'SOLID'), waste('Mill scale from the hot strip mill', '10 02 10', 'SOLID')],
    inputs: [material('Iron ore fines for the sinter plant'), material('Matières ferreuses pour l’agglomération')],
  },
  {
    id: 'waste wood to particleboard',
    sources: ['chertow-park-2019'],
    km: 120,
    outputs: [waste('Bois de classe B broyé', '19 12 07', 'SOLID'), waste('Waste wood from pallets and crates', '15 01 03', 'SOLID')],
    inputs: [material('Bois recyclé pour panneaux de particules'), material('Recycled wood for the particleboard line')],
  },
  {
    id: 'sawmill chips to a pulp mill',
    sources: ['chertow-park-2019'],
    km: 80,
    outputs: [waste('Plaquettes de scierie', '03 01 05', 'SOLID'), material('Sawmill chips', 'SOLID')],
    inputs: [material('Copeaux pour la fabrication de pâte à papier'), material('Wood chips for pulping')],
  },
  {
    id: 'plasterboard offcuts back to gypsum',
    sources: ['kim-phae-2022'],
    km: 80,
    outputs: [waste('Chutes de plaques de plâtre', '17 08 02', 'SOLID'), waste('Plasterboard offcuts from construction sites', '17 08 02', 'SOLID')],
    inputs: [material('Gypse pour la fabrication de plaques de plâtre'), material('Gypsum for plasterboard manufacture')],
  },
  {
    id: 'steel drums and IBCs reconditioned',
    sources: ['chertow-park-2019'],
    km: 60,
    outputs: [{ label: 'Fûts métalliques vides', cat: 'WASTE', ewc: '15 01 04', unit: 'unit', form: 'SOLID' }, { label: 'Empty IBCs (1,000 L)', cat: 'WASTE', ewc: '15 01 02', unit: 'unit', form: 'SOLID' }],
    inputs: [{ label: 'Fûts de 200 L pour nos expéditions', cat: 'MATERIAL', unit: 'unit' }, { label: 'IBC containers for shipping our products', cat: 'MATERIAL', unit: 'unit' }],
  },
  {
    id: 'used cooking oil to biodiesel',
    sources: ['chertow-park-2019'],
    km: 100,
    outputs: [waste('Huiles de friture usagées', '20 01 25', 'LIQUID'), waste('Used cooking oil from the canteen', '20 01 25', 'LIQUID')],
    inputs: [material('Huiles végétales pour la production de biodiesel'), material('Feedstock oils for the biodiesel plant')],
  },
  {
    id: 'process heat to offices and drying',
    sources: ['chertow-park-2019'],
    km: 1,
    outputs: [heat('Chaleur récupérée sur les compresseurs', 70), heat('Hot water recovered from the process cooling', 80)],
    inputs: [energy('Chauffage des bureaux et ateliers'), energy('Space heating of the offices'), energy('Heat for drying the wood chips')],
  },
  {
    id: 'whey to feed or a digester',
    sources: ['chertow-park-2019'],
    km: 30,
    outputs: [{ label: 'Lactosérum de fromagerie', cat: 'MATERIAL', unit: 'm3', form: 'LIQUID' }, { label: 'Acid whey from the yoghurt plant', cat: 'MATERIAL', unit: 'm3', form: 'LIQUID' }],
    inputs: [{ label: 'Aliment liquide pour les porcs', cat: 'MATERIAL', unit: 'm3' }, { label: 'Substrate for the biogas plant', cat: 'MATERIAL', unit: 'm3' }],
  },
  {
    id: 'green waste and biowaste to composting',
    sources: ['chertow-park-2019'],
    km: 20,
    outputs: [waste('Déchets verts de tonte et d’élagage', '20 02 01', 'SOLID'), waste('Food waste from the canteen', '20 01 08', 'SOLID')],
    inputs: [material('Matières organiques pour la plateforme de compostage'), material('Organic feedstock for the composting site')],
  },
  {
    id: 'ammonium sulphate by-product to fertiliser',
    sources: ['chertow-park-2019'],
    km: 60,
    outputs: [material('Ammonium sulphate solution from the caprolactam plant', 'LIQUID'), material('Sulfate d’ammonium cristallisé (coproduit)', 'SOLID')],
    inputs: [material('Ammonium sulphate for fertiliser blending'), material('Sulfate d’ammonium pour nos engrais')],
  },
  {
    id: 'paper sludge to a brickworks or a boiler',
    sources: ['chertow-park-2019'],
    km: 20,
    farKm: 150,
    outputs: [waste('Boues de désencrage', '03 03 05', 'SLUDGE'), waste('Fibre sludge from the paper mill', '03 03 10', 'SLUDGE')],
    inputs: [material('Additif porogène pour la briqueterie'), energy('Fuel for the biomass boiler')],
  },
  {
    id: 'non-ferrous scrap to a secondary smelter',
    sources: ['chertow-park-2019', 'mirata-nisp-2004'],
    km: 120,
    outputs: [waste('Copeaux d’usinage en aluminium', '12 01 03', 'SOLID'), waste('Copper cable offcuts', '17 04 01', 'SOLID')],
    inputs: [material('Déchets d’aluminium pour la refonte'), material('Copper scrap for the refinery'), material('Aluminium scrap (bought from merchants)')],
  },
  {
    id: 'hot flue gas raising steam',
    sources: ['chertow-park-2019'],
    km: 0.5,
    outputs: [{ label: 'Fumées chaudes du four (450 °C)', cat: 'ENERGY', unit: 'MWh', form: 'GAS', tempC: 450 }, { label: 'Hot exhaust gas from the gas turbine', cat: 'ENERGY', unit: 'MWh', form: 'GAS', tempC: 500 }],
    inputs: [energy('Vapeur pour le procédé'), energy('Process steam (gas-fired boiler today)')],
  },
  {
    id: 'excavated soil to fill and landscaping',
    sources: ['chertow-park-2019'],
    km: 15,
    outputs: [waste('Terres d’excavation non polluées', '17 05 04', 'SOLID'), waste('Clean excavated soil from the site works', '17 05 04', 'SOLID')],
    inputs: [material('Remblai pour le terrassement de la plateforme'), material('Fill material for landscaping')],
  },
  {
    id: 'textile offcuts to wiping rags',
    sources: ['mirata-nisp-2004'],
    km: 40,
    outputs: [waste('Chutes de tissu coton', '04 02 21', 'SOLID'), waste('Cotton fabric offcuts', '04 02 22', 'SOLID')],
    inputs: [material('Chiffons d’essuyage pour l’atelier'), material('Wiping rags for maintenance')],
  },
  {
    id: 'cardboard boxes reused',
    sources: ['mirata-nisp-2004', 'lombardi-laybourn-nisp-2007'],
    km: 10,
    outputs: [waste('Cartons d’emballage en bon état', '15 01 01', 'SOLID'), waste('Used cardboard boxes in good condition', '15 01 01', 'SOLID')],
    inputs: [material('Cartons pour nos expéditions'), material('Cardboard boxes for packing orders')],
  },
  {
    id: 'molasses to a fermentation plant',
    sources: ['iso-sugar-by-products', 'beigbeder-2021-molasses'],
    km: 80,
    farKm: 600,
    outputs: [material('Molasses from the sugar refinery', 'LIQUID'), material('Mélasse de sucrerie', 'LIQUID')],
    inputs: [material('Molasses as substrate for the yeast fermentation'), material('Sucre pour la fermentation (distillerie)')],
  },
  {
    id: 'sewage and treated wastewater heat to a heat network through a heat pump',
    sources: ['bfe-wwtp-heat-2022', 'nagpal-wwhr-2021', 'kalundborg-symbiosis-2022'],
    km: 3,
    farKm: 15,
    outputs: [water('Eaux usées épurées en sortie de station d’épuration', 14), water('Raw sewage in the main collector', 12), water('Treated wastewater from the municipal plant', 18)],
    inputs: [energy('Chaleur pour le réseau de chaleur urbain'), energy('Heat supply for the municipal district heating network'), energy('Chauffage des bâtiments du quartier')],
  },
  {
    id: 'solid recovered fuel to a fluidised-bed boiler',
    sources: ['bref-waste-treatment-2018', 'bref-cement-lime-mgo-2013'],
    km: 8,
    outputs: [waste('Combustible solide de récupération (CSR) du centre de tri', '19 12 10', 'SOLID'), waste('Refus de tri des déchets d’activités économiques', '19 12 12', 'SOLID')],
    inputs: [energy('Fuel for the fluidised bed boiler (wood chips and peat today)'), energy('Combustible pour la chaudière à lit fluidisé')],
  },
];

/**
 * Receivers whose words resemble a family's but who buy something else: nothing may be proposed to them. The words
 * 1.16.0 added for generic needs ("fuel", "combustible") must not reach vehicles, a standby boiler or fresh catalyst.
 */
export const NEAR_MISSES: { why: string; output: ProbeSide; input: ProbeSide; km: number }[] = [
  { why: 'vehicle fuel is no boiler fuel', output: waste('Sawdust and shavings from the sawmill', '03 01 05', 'SOLID'), input: energy('Fuel for the delivery trucks'), km: 10 },
  { why: 'a forklift’s fuel is no boiler fuel', output: waste('Écorces de bois', '03 01 01', 'SOLID'), input: energy('Combustible pour les chariots élévateurs'), km: 10 },
  { why: 'a standby boiler keeps a storable fuel', output: waste('Sawdust and shavings from the sawmill', '03 01 05', 'SOLID'), input: energy('Fuel oil for the standby boiler'), km: 10 },
  { why: 'a refinery buying fresh catalyst', output: waste('Spent hydrotreating catalysts (Ni, Mo, Co)', '16 08 02*', 'SOLID'), input: material('Fresh hydrotreating catalyst'), km: 50 },
  { why: 'nutrients for a fermentation are no substrate', output: material('Mélasse de sucrerie', 'LIQUID'), input: material('Nutriments pour la fermentation (phosphate d’ammonium)'), km: 50 },
  { why: 'solvents do not fire a biomass boiler', output: waste('Spent cleaning solvent', '14 06 03*', 'LIQUID'), input: energy('Combustible pour la chaudière biomasse'), km: 20 },
  { why: 'an oil burner takes no pallets (a grate boiler would)', output: waste('Palettes bois usagées', '15 01 03', 'SOLID'), input: energy('Heavy fuel oil for the steam boilers'), km: 5 },
  { why: 'an oil burner takes no green waste', output: waste('Déchets verts de tonte et d’élagage', '20 02 01', 'SOLID'), input: energy('Fioul lourd pour les chaudières'), km: 5 },
  { why: 'an office buying printing paper needs no cardboard waste', output: waste('Cartons d’emballage usagés', '15 01 01', 'SOLID'), input: material('Papier pour imprimante (ramettes A4)'), km: 2 },
  { why: 'a paint shop buying masking paper needs no cardboard waste', output: waste('Used cardboard boxes', '15 01 01', 'SOLID'), input: material('Masking paper and tape for the paint booth'), km: 2 },
  { why: 'a combustible gas is burnt, not run through an ORC', output: { label: 'Converter gas rich in carbon monoxide', cat: 'ENERGY', unit: 'MWh', form: 'GAS' }, input: energy('Electricity for the air compressors'), km: 0.5 },
  { why: 'blast furnace gas is a fuel, not a hot flue gas', output: { label: 'Gaz de haut fourneau excédentaire', cat: 'ENERGY', unit: 'MWh', form: 'GAS' }, input: energy('Chaleur pour le réseau de chaleur urbain'), km: 2 },
  { why: 'the wet organic fraction is no solid recovered fuel', output: waste('Biodegradable fraction sorted from mixed waste', '19 12 12', 'SOLID'), input: energy('Fuel for the fluidised bed boiler'), km: 5 },
  { why: 'a mineral residue is no fuel', output: waste('Residues from the alumina refinery (red mud)', '01 03 09', 'SLUDGE'), input: energy('Fuel for the fluidised bed boiler'), km: 5 },
  { why: 'a gas-fired boiler burns no solid recovered fuel', output: waste('Solid recovered fuel from the sorting plant', '19 12 10', 'SOLID'), input: energy('Fuel for the steam boilers (natural gas today)'), km: 5 },
  { why: 'wastewater at 14 °C raises no process steam', output: water('Eaux usées épurées de la station d’épuration', 14), input: energy('Vapeur pour le procédé (chaudière gaz aujourd’hui)'), km: 2 },
  { why: 'effluent at 14 °C does not heat 120 °C dryers', output: water('Treated effluent from the municipal wastewater plant', 14), input: { label: 'Heat for the dryers', cat: 'ENERGY', unit: 'MWh', tempC: 120 }, km: 2 },
  { why: 'drinking water is not replaced by treated effluent', output: { label: 'Eaux usées épurées de la station d’épuration', cat: 'WATER', unit: 'm3', form: 'LIQUID' }, input: { label: 'Potable water for the canteen', cat: 'WATER', unit: 'm3' }, km: 2 },
];
