/** French messages of the territory report; spread into `fr`. */
export const frReports = {
  'nav.report': 'Rapport',
  'report.title': 'Rapport du territoire',
  'report.intro':
    'Pour les financeurs : les indicateurs par étape (comptés une fois, avec leur fourchette), les synergies, les projets, la méthode et les sources — tels que vous pouvez les voir.',
  'report.territory': 'Territoire',
  'report.print': 'Imprimer',
  'report.pdf': 'Télécharger le PDF',
  'report.csv': 'Télécharger le CSV',
  'report.preparing': 'Préparation du fichier…',
  'report.frame': 'Aperçu imprimable du rapport',
  'report.table': 'Tableau des indicateurs (défile horizontalement sur un écran étroit)',
  'report.none': 'Vous ne faites partie d’aucun territoire : il n’y a pas de rapport à montrer.',
  'report.error': 'Le rapport n’a pas pu être préparé : {message}',
};
