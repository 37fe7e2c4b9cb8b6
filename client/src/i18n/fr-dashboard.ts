/** French messages of the territory dashboard; spread into `fr`. */
export const frDashboard = {
  'nav.dashboard': 'Tableau de bord',
  'dashboard.title': 'Tableau de bord du territoire',
  'dashboard.intro':
    'Les indicateurs des synergies par étape, la carte des sites et des liens, les flux du territoire et le réseau des acteurs — tels que vous pouvez les voir.',
  'dashboard.territory': 'Territoire',
  'dashboard.noTerritory': "Vous n'êtes rattaché·e à aucun territoire : il n'y a rien à montrer ici.",
  'dashboard.error': "Le tableau de bord n'a pas pu être chargé : {message}",
  'dashboard.truncated': 'Le territoire compte plus de flux ou de synergies que les images n’en montrent : elles sont partielles.',
  'dashboard.indicators': 'Indicateurs par étape',
  'dashboard.method.summary': 'Comment ces chiffres sont calculés',
  'dashboard.method.text':
    'Chaque synergie estime ses impacts annuels (valeur basse, centrale et haute) à partir des quantités déclarées ou, à défaut, de valeurs types, et de facteurs publiés (émissions évitées, coûts, emplois) dont la source est citée. Les totaux additionnent les synergies de chaque étape. Le détail d’un calcul, ses facteurs et leurs sources figurent sur la page de chaque synergie.',
  'dashboard.method.link': 'Voir le calcul sur la page d’une synergie',

  'dashboard.map': 'Carte des sites et des synergies',
  'dashboard.map.note':
    'Fond de carte local : l’enveloppe des sites, les communes nommées à la position moyenne de leurs sites et une échelle. Aucune tuile n’est chargée depuis Internet.',
  'dashboard.map.tilesNote': 'Fond de carte : tuiles configurées pour cette instance.',
  'dashboard.map.label': 'Carte : {sites} sites, {lines} liens de synergie',
  'dashboard.map.empty': 'Aucun site à placer.',
  'dashboard.map.anonymous': 'Les partenaires anonymes ne sont pas placés sur la carte.',
  'dashboard.map.sites': 'Sites placés sur la carte ({count})',
  'dashboard.map.outline': 'Enveloppe des sites',
  'dashboard.map.attribution': 'Fond : enveloppe des sites FE2I',

  'dashboard.sankey': 'Flux du territoire',
  'dashboard.sankey.intro':
    'Les gisements que vous pouvez voir, du type de ressource au chapitre de la liste des déchets puis à leur destination.',
  'dashboard.sankey.today': 'Aujourd’hui',
  'dashboard.sankey.after': 'Après les synergies suggérées',
  'dashboard.sankey.dimension': 'Grandeur',
  'dashboard.sankey.dimension.mass': 'Masse (t/an)',
  'dashboard.sankey.dimension.energy': 'Énergie (MWh/an)',
  'dashboard.sankey.dimension.volume': 'Volume (m³/an)',
  'dashboard.sankey.unit.mass': 't',
  'dashboard.sankey.unit.energy': 'MWh',
  'dashboard.sankey.unit.volume': 'm³',
  'dashboard.sankey.label': 'Diagramme de Sankey : {total} {unit} par an',
  'dashboard.sankey.diverted': '{diverted} {unit} par an iraient vers une synergie (chaque quantité comptée une fois).',
  'dashboard.sankey.empty': 'Aucun flux visible dans cette grandeur.',
  'dashboard.sankey.note':
    'Après les synergies : chaque synergie de substitution ouverte, de la mieux notée à la moins bien notée, prend au plus ce qui reste du gisement et du besoin ; les suggestions concurrentes ne s’additionnent pas.',
  'dashboard.sankey.otherStream': 'Sans code déchet',
  'dashboard.sankey.chapter': 'LER {code}',
  'dashboard.destination.UNKNOWN': 'Destination non renseignée',
  'dashboard.destination.SYNERGY': 'Synergie',

  'dashboard.network': 'Réseau des synergies',
  'dashboard.network.intro': 'Les acteurs et les synergies qui les relient, colorées par étape.',
  'dashboard.network.label': 'Réseau : {nodes} acteurs, {edges} synergies',
  'dashboard.network.empty': 'Aucune synergie à montrer.',
  'dashboard.network.anonymous': 'Partenaire anonyme',
  'dashboard.stage.suggested': 'Suggérée',
  'dashboard.stage.contactRequested': 'Mise en relation demandée',
  'dashboard.stage.accepted': 'Acceptée',
  'dashboard.legend': 'Légende',
} as const;
