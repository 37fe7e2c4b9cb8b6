/** French messages of the detection's progress and of the live notifications; spread into `fr`. */
export const frDetection = {
  'detection.progress': 'Avancement de la détection',
  'detection.phase.READING': 'Lecture des flux du territoire… {percent} %',
  'detection.phase.DETECTING': 'Recherche des substitutions et des mutualisations… {percent} %',
  'detection.phase.RECONCILING': 'Enregistrement des synergies trouvées… {percent} %',
  'detection.phase.ANNOUNCING': 'Annonce des nouvelles suggestions aux organisations… {percent} %',
  'detection.phase.DONE': 'Détection terminée.',
  'detection.phase.FAILED': 'La détection s’est arrêtée sur une erreur.',
  'detection.byOther': 'Une détection lancée par une autre personne de l’équipe d’animation est en cours.',
  'live.mute': 'Couper les notifications',
  'live.unmute': 'Réactiver les notifications',
  'live.muted': 'Notifications de nouvelles synergies coupées.',
  'live.mutedCount': 'Notifications coupées : {count} nouvelle(s) synergie(s) suggérée(s) depuis, visibles dans la liste.',
};
