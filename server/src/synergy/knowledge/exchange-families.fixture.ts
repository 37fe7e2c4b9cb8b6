/**
 * Common families of industrial-symbiosis exchanges (issue 10, recall line), as a supplier and a receiver would each
 * declare them on FE2I in their own words, French and English: the coverage audit's probes
 * (docs/knowledge-base.md, "Second pass (1.16.0)"). Written from the typologies and catalogues cited there (Chertow
 * 2000, Chertow and Park 2019, the Kalundborg and NISP sources, the cement co-processing catalogues: each family's
 * `sources`), not from the corpus of cases. exchange-families.test.ts checks that the engine proposes
 * every supplier wording to every receiver wording at `km`, and a coded waste also declared without its code (as a
 * co-product sold as a material), and none beyond `farKm` when given.
 */
export interface ProbeSide {
  label: string;
  cat: 'WASTE' | 'MATERIAL' | 'ENERGY' | 'WATER';
  ewc?: string;
  unit?: 't' | 'MWh' | 'm3' | 'unit';
  tempC?: number;
  form?: 'SOLID' | 'LIQUID' | 'GAS' | 'POWDER' | 'SLUDGE';
  /** A waste no one sells as a material (used tyres): not also probed without its code. */
  codeOnly?: boolean;
}

export interface ExchangeFamily {
  id: string;
  /** Where the family is documented (source ids of the knowledge base). */
  sources: string[];
  /** The receiver's distance from every supplier of the probe. */
  km: number;
  /** A distance at which the family is no longer sensible: nothing is proposed there. */
  farKm?: number;
  outputs: ProbeSide[];
  inputs: ProbeSide[];
}

/** How a probe's sides are written (both fixture files). */
export const steam = (label: string, tempC = 200): ProbeSide => ({ label, cat: 'ENERGY', unit: 'MWh', tempC, form: 'GAS' });
export const heat = (label: string, tempC?: number): ProbeSide => ({ label, cat: 'ENERGY', unit: 'MWh', tempC, form: 'LIQUID' });
export const energy = (label: string): ProbeSide => ({ label, cat: 'ENERGY', unit: 'MWh' });
export const water = (label: string, tempC?: number): ProbeSide => ({ label, cat: 'WATER', unit: 'm3', form: 'LIQUID', tempC });
export const gas = (label: string): ProbeSide => ({ label, cat: 'MATERIAL', unit: 't', form: 'GAS' });
export const material = (label: string, form?: ProbeSide['form']): ProbeSide => ({ label, cat: 'MATERIAL', unit: 't', form });
export const waste = (label: string, ewc: string, form?: ProbeSide['form']): ProbeSide => ({ label, cat: 'WASTE', unit: 't', ewc, form });

export const EXCHANGE_FAMILIES: ExchangeFamily[] = [
  {
    id: 'surplus steam to a neighbour’s process',
    sources: ['chertow-2000', 'jacobsen-kalundborg-2006', 'ehrenfeld-gertler-1997', 'ecluse-steam-network'],
    km: 4,
    farKm: 25,
    outputs: [steam('Vapeur excédentaire de la centrale (moyenne pression)'), steam('Surplus steam from the waste incinerator')],
    inputs: [energy('Vapeur pour le procédé (chaudière gaz aujourd’hui)'), energy('Process steam for the evaporators'), energy('Steam for heating the reactors')],
  },
  {
    id: 'waste heat to a district heating network',
    sources: ['chertow-2000', 'jacobsen-kalundborg-2006'],
    km: 5,
    farKm: 40,
    outputs: [heat('Eau chaude de refroidissement des fours', 90), heat('Waste heat from the flue gas condenser', 70), steam('Low-pressure steam from the incinerator', 150)],
    inputs: [energy('Chaleur pour le réseau de chaleur urbain'), energy('Heat supply for the municipal district heating network'), energy('District heating (heat bought for the town’s network)')],
  },
  {
    id: 'low-temperature heat to greenhouses',
    sources: ['chertow-2000', 'chertow-park-2019'],
    km: 2,
    outputs: [heat('Chaleur fatale basse température', 55), heat('Warm water from the condensers', 45)],
    inputs: [energy('Chauffage des serres de tomates'), energy('Greenhouse heating (natural gas boiler today)')],
  },
  {
    id: 'warm cooling water to fish farming',
    sources: ['jacobsen-kalundborg-2006', 'ehrenfeld-gertler-1997'],
    km: 1.5,
    outputs: [water('Warm cooling water from the power plant', 30), water('Eau de refroidissement tiède', 28)],
    inputs: [energy('Heated water for the fish farm'), energy('Chauffage des bassins de pisciculture')],
  },
  {
    id: 'steam condensate returned as boiler feed water',
    sources: ['ecluse-steam-network', 'csc-district-energy-integration'],
    km: 3,
    outputs: [water('Clean steam condensate', 90), water('Condensats de vapeur propres', 85)],
    inputs: [water('Demineralised boiler feed water'), water('Eau d’alimentation des chaudières (eau déminéralisée)')],
  },
  {
    id: 'CO2 to greenhouses',
    sources: ['chertow-2000', 'chertow-park-2019'],
    km: 3,
    outputs: [gas('CO2 from the fermentation (bioethanol plant)'), gas('Dioxyde de carbone pur de l’unité d’ammoniac')],
    inputs: [gas('CO2 for greenhouse enrichment'), gas('Enrichissement en CO2 des serres')],
  },
  {
    id: 'fly ash and slag to cement and concrete',
    sources: ['jacobsen-kalundborg-2006', 'ehrenfeld-gertler-1997', 'ciment-catala-2020', 'kim-phae-2022'],
    km: 40,
    farKm: 600,
    outputs: [waste('Cendres volantes de la centrale au charbon', '10 01 02', 'POWDER'), waste('Granulated blast furnace slag', '10 02 02', 'SOLID'), waste('Coal fly ash', '10 01 02', 'POWDER')],
    inputs: [material('Ajout cimentaire pour le ciment'), material('Supplementary cementitious material for ready-mix concrete'), material('Clinker substitute for cement grinding')],
  },
  {
    id: 'FGD gypsum to plasterboard and cement',
    sources: ['jacobsen-kalundborg-2006', 'ehrenfeld-gertler-1997', 'kim-phae-2022'],
    km: 60,
    outputs: [waste('Gypse de désulfuration des fumées', '10 01 05', 'POWDER'), waste('FGD gypsum from the power station', '10 01 05', 'POWDER')],
    inputs: [material('Natural gypsum for plasterboard'), material('Gypse naturel pour les plaques de plâtre'), material('Gypsum as set retarder for cement')],
  },
  {
    id: 'surplus fuel gases and hydrogen-rich off-gas burnt by a neighbour',
    sources: ['jacobsen-kalundborg-2006', 'ehrenfeld-gertler-1997', 'csc-district-energy-integration'],
    km: 5,
    farKm: 40,
    outputs: [gas('Refinery fuel gas surplus'), gas('Gaz de cokerie excédentaire'), gas('Hydrogen-rich off-gas from the cracker')],
    inputs: [energy('Natural gas for the boilers'), energy('Gaz naturel pour les fours de cuisson'), energy('Fuel for the steam boilers (natural gas today)')],
  },
  {
    id: 'treated wastewater reused as industrial water',
    sources: ['jacobsen-kalundborg-2006', 'ehrenfeld-gertler-1997', 'chertow-park-2019'],
    km: 5,
    farKm: 40,
    outputs: [water('Treated effluent from the municipal wastewater plant'), water('Eaux usées épurées de la station d’épuration')],
    inputs: [water('Cooling tower make-up water'), water('Eau brute pour le procédé'), water('Process water (river abstraction today)')],
  },
  {
    id: 'wood and agricultural residues to a biomass boiler',
    sources: ['bannari-bagasse'],
    km: 40,
    farKm: 400,
    outputs: [waste('Écorces de bois', '03 01 01', 'SOLID'), waste('Sawdust and shavings from the sawmill', '03 01 05', 'SOLID'), material('Rice husks', 'SOLID')],
    inputs: [energy('Combustible pour la chaudière biomasse'), energy('Biomass fuel for the boiler'), material('Wood chips for the boiler')],
  },
  {
    id: 'food by-products to animal feed',
    sources: ['chertow-park-2019', 'mirata-nisp-2004'],
    km: 30,
    outputs: [waste('Drêches de brasserie', '02 07 04', 'SOLID'), waste('Potato peels and off-cuts', '02 03 04', 'SOLID'), material('Brewers’ spent grain', 'SOLID')],
    inputs: [material('Aliment pour le bétail'), material('Animal feed for the dairy herd'), material('Feed for the pigs')],
  },
  {
    id: 'food residues to a digester',
    sources: ['chertow-park-2019'],
    km: 20,
    outputs: [waste('Déchets de l’industrie agroalimentaire (fruits et légumes)', '02 03 04', 'SOLID'), waste('Out-of-date dairy products', '02 05 01', 'SOLID')],
    inputs: [material('Intrants pour le méthaniseur'), material('Feedstock for the biogas plant'), material('Substrates for anaerobic digestion')],
  },
  {
    id: 'sludge to agriculture',
    sources: ['jacobsen-kalundborg-2006', 'ehrenfeld-gertler-1997', 'chertow-park-2019'],
    km: 20,
    outputs: [waste('Boues de la station d’épuration de la laiterie', '02 05 02', 'SLUDGE'), waste('Sludge from the food plant’s effluent treatment', '02 03 05', 'SLUDGE')],
    inputs: [material('Engrais pour les cultures'), material('Fertiliser for the fields'), material('Organic fertiliser for spreading on farmland')],
  },
  {
    id: 'cardboard and paper to a paper mill',
    sources: ['chertow-park-2019'],
    km: 60,
    outputs: [waste('Cartons usagés', '15 01 01', 'SOLID'), waste('Waste paper and cardboard', '20 01 01', 'SOLID')],
    inputs: [material('Vieux papiers pour la fabrication de carton'), material('Recovered paper for the paper machine')],
  },
  {
    id: 'metal scrap to a steelworks or smelter',
    sources: ['chertow-park-2019'],
    km: 100,
    outputs: [waste('Ferrailles', '12 01 01', 'SOLID'), waste('Steel scrap from maintenance', '17 04 05', 'SOLID')],
    inputs: [material('Ferrailles pour le four électrique'), material('Scrap for the electric arc furnace'), material('Steel scrap (purchased from dealers)')],
  },
  {
    id: 'plastics to a recycler',
    sources: ['mirata-nisp-2004', 'chertow-park-2019'],
    km: 80,
    outputs: [waste('Chutes de film PE', '15 01 02', 'SOLID'), waste('Polyethylene film offcuts', '07 02 13', 'SOLID')],
    inputs: [material('Regranulé PE pour l’extrusion'), material('Recycled polyethylene pellets')],
  },
  {
    id: 'wooden pallets reused',
    sources: ['mirata-nisp-2004', 'lombardi-laybourn-nisp-2007'],
    km: 20,
    outputs: [{ label: 'Palettes bois usagées', cat: 'WASTE', ewc: '15 01 03', unit: 'unit', form: 'SOLID' }, { label: 'Used wooden pallets', cat: 'WASTE', ewc: '15 01 03', unit: 'unit', form: 'SOLID' }],
    inputs: [{ label: 'Palettes pour les expéditions', cat: 'MATERIAL', unit: 'unit' }, { label: 'Wooden pallets for shipping', cat: 'MATERIAL', unit: 'unit' }],
  },
  {
    id: 'spent solvents regenerated',
    sources: ['chertow-park-2019'],
    km: 100,
    outputs: [waste('Solvants usagés (acétone)', '07 01 04*', 'LIQUID'), waste('Spent cleaning solvent', '14 06 03*', 'LIQUID')],
    inputs: [material('Solvant pour le nettoyage des outils'), material('Cleaning solvent for the printing presses')],
  },
  {
    id: 'tyres and hazardous liquids as kiln fuel',
    sources: ['kim-phae-2022'],
    km: 100,
    outputs: [{ ...waste('Pneus usagés', '16 01 03', 'SOLID'), codeOnly: true }, waste('Waste paint and solvent mixtures', '08 01 11*', 'LIQUID')],
    inputs: [energy('Combustible pour le four à clinker (coke de pétrole)'), energy('Fuel for the cement kiln')],
  },
  {
    id: 'glass cullet to a glassworks',
    sources: ['chertow-park-2019'],
    km: 120,
    outputs: [waste('Verre d’emballage collecté', '15 01 07', 'SOLID'), waste('Broken glass bottles', '20 01 02', 'SOLID')],
    inputs: [material('Calcin pour le four verrier'), material('Cullet for the glass furnace')],
  },
  {
    id: 'spent yeast, stillage and vinasse to feed, fertiliser or digester',
    sources: ['jacobsen-kalundborg-2006', 'ehrenfeld-gertler-1997', 'chertow-park-2019'],
    km: 30,
    outputs: [material('Levures de brasserie usées', 'LIQUID'), material('Vinasse from the distillery', 'LIQUID'), material('Thin stillage from the ethanol plant', 'LIQUID')],
    inputs: [material('Aliment liquide pour les porcs'), material('Liquid feed for the pig farm')],
  },
  {
    id: 'surplus electricity to a neighbour',
    sources: ['chertow-2000', 'chertow-park-2019'],
    km: 3,
    outputs: [energy('Électricité excédentaire de la cogénération'), energy('Surplus electricity from the CHP plant')],
    inputs: [energy('Électricité pour le site'), energy('Electricity for the plant (bought from the grid)'), energy('Power supply for the electrolysers')],
  },
  {
    id: 'air gases supplied to a neighbour',
    sources: ['chertow-park-2019', 'csc-district-energy-integration'],
    km: 3,
    outputs: [gas('Surplus nitrogen from the air separation unit'), gas('Azote gazeux de l’unité de séparation d’air')],
    inputs: [gas('Nitrogen for inerting the tanks'), gas('Azote pour l’inertage')],
  },
  {
    id: 'wood ash and lime residues to soils',
    sources: ['chertow-park-2019', 'msu-byproduct-lime', 'sims-factory-lime-2010', 'ncasi-tb-931'],
    km: 30,
    outputs: [
      waste('Cendres de la chaudière bois', '10 01 01', 'POWDER'),
      waste('Wood ash from the biomass boiler', '10 01 03', 'POWDER'),
      waste('Écumes de sucrerie (carbonate de calcium de l’épuration des jus)', '02 04 02', 'SLUDGE'),
      waste('Spent lime from the sugar beet factory', '02 04 02', 'SOLID'),
      waste('Boues de décarbonatation de l’usine d’eau potable', '19 09 03', 'SLUDGE'),
      waste('Lime mud from the kraft mill’s recausticising', '03 03 09', 'SLUDGE'),
    ],
    inputs: [material('Amendement calcique pour les sols'), material('Agricultural lime for the fields')],
  },
  {
    id: 'used oil re-refined',
    sources: ['chertow-park-2019'],
    km: 100,
    outputs: [waste('Huiles moteur usagées', '13 02 05*', 'LIQUID'), waste('Used lubricating oil', '13 02 08*', 'LIQUID')],
    inputs: [material('Huiles usagées à régénérer (base de la raffinerie)'), material('Used oil feedstock for the re-refinery')],
  },
  {
    id: 'CO2 to a beverage or food plant',
    sources: ['chertow-park-2019'],
    km: 30,
    outputs: [gas('Food-grade CO2 recovered from the fermentation'), gas('CO2 pur récupéré à l’unité d’ammoniac')],
    inputs: [gas('Carbon dioxide for carbonating soft drinks'), gas('CO2 alimentaire pour la gazéification des boissons')],
  },
  {
    id: 'sulphur and sulphuric acid as a neighbour’s feedstock',
    sources: ['jacobsen-kalundborg-2006', 'ehrenfeld-gertler-1997', 'chertow-park-2019'],
    km: 10,
    outputs: [material('Recovered sulphur from the Claus unit', 'SOLID'), material('Soufre liquide de la raffinerie', 'LIQUID')],
    inputs: [material('Sulphur for the sulphuric acid plant'), material('Soufre pour l’atelier d’acide sulfurique')],
  },
  {
    id: 'by-product sulphuric acid to a fertiliser plant',
    sources: ['chertow-park-2019'],
    km: 10,
    outputs: [material('Sulphuric acid from the smelter’s acid plant', 'LIQUID'), material('Acide sulfurique coproduit de la fonderie', 'LIQUID')],
    inputs: [material('Sulphuric acid for phosphate fertiliser production'), material('Acide sulfurique pour l’attaque des phosphates')],
  },
  {
    id: 'by-product hydrogen as a neighbour’s feedstock',
    sources: ['chertow-park-2019'],
    km: 5,
    outputs: [gas('Hydrogen by-product of the chlor-alkali electrolysis'), gas('Hydrogène coproduit de l’électrolyse chlore-soude')],
    inputs: [gas('Hydrogen for the hydrogenation unit'), gas('Hydrogène pour l’hydrotraitement')],
  },
  {
    id: 'spent pickling liquor as a water-treatment coagulant',
    sources: ['chertow-park-2019'],
    km: 40,
    outputs: [waste('Spent pickling liquor (ferrous chloride)', '11 01 05*', 'LIQUID'), waste('Bains de décapage usés (chlorure ferreux)', '11 01 05*', 'LIQUID')],
    inputs: [material('Ferric chloride coagulant for the wastewater plant'), material('Coagulant pour la station d’épuration')],
  },
  {
    id: 'spent catalysts to metal recovery',
    sources: ['liang-2022-spent-catalysts', 'chertow-park-2019'],
    km: 150,
    outputs: [waste('Spent hydrotreating catalysts (Ni, Mo, Co)', '16 08 02*', 'SOLID'), waste('Catalyseurs usés de l’hydrodésulfuration', '16 08 02*', 'SOLID')],
    inputs: [material('Spent catalysts for molybdenum and nickel recovery'), material('Catalyseurs usés pour la récupération des métaux')],
  },
  {
    id: 'surplus raw or demineralised water to a neighbour',
    sources: ['chertow-park-2019'],
    km: 3,
    outputs: [water('Surplus demineralised water from the power plant'), water('Eau déminéralisée excédentaire')],
    inputs: [water('Demineralised water for the boilers'), water('Eau déminéralisée pour le procédé')],
  },
  {
    id: 'biogas and landfill gas to a neighbour’s boilers',
    sources: ['chertow-park-2019'],
    km: 3,
    outputs: [gas('Surplus biogas from the anaerobic digester'), gas('Biogaz excédentaire du digesteur'), gas('Landfill gas')],
    inputs: [energy('Natural gas for the boilers'), energy('Gaz naturel pour la chaudière')],
  },
];
