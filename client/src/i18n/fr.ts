/** French messages: the reference language. Every key here must exist in every other language. */
export const fr = {
  'app.name': 'FE2I',
  'app.tagline': 'Flux économiques inter-entreprises',
  'app.loading': 'Chargement…',
  'app.skipToContent': 'Aller au contenu',
  'app.networkError': 'Impossible de joindre le serveur. Vérifiez votre connexion puis réessayez.',

  'language.label': 'Langue',
  'language.fr': 'Français',
  'language.en': 'English',

  'auth.title': 'Connexion',
  'auth.intro': 'Connectez-vous pour consulter les acteurs et les flux de votre territoire.',
  'auth.email': 'Adresse e-mail',
  'auth.password': 'Mot de passe',
  'auth.submit': 'Se connecter',
  'auth.submitting': 'Connexion…',
  'auth.logOut': 'Se déconnecter',
  'auth.signedInAs': 'Connecté·e en tant que',
  'auth.error.UNAUTHENTICATED': 'Adresse e-mail ou mot de passe incorrect.',
  'auth.error.RATE_LIMITED': 'Trop de tentatives de connexion : réessayez dans quelques minutes.',

  'directory.title': 'Annuaire des acteurs',
  'directory.intro': 'Les organisations de votre territoire, par ordre alphabétique.',
  'directory.caption': '{count} acteurs',
  'directory.empty': 'Aucun acteur pour le moment.',
  'directory.column.name': 'Nom',
  'directory.column.kind': 'Type',
  'directory.column.city': 'Commune',
  'directory.column.sites': 'Sites',
  'directory.column.flows': 'Flux visibles',
  'directory.noCity': '—',
  'directory.error': "L'annuaire n'a pas pu être chargé : {message}",

  'kind.COMPANY': 'Entreprise',
  'kind.AUTHORITY': 'Collectivité',
  'kind.SSE': "Structure de l'ESS / insertion",
  'kind.RESEARCH': 'Laboratoire',
  'kind.UNIVERSITY': 'Université',
  'kind.FACILITATOR': 'Animateur du territoire',
  'kind.OTHER': 'Autre',
} as const;

export type MessageKey = keyof typeof fr;
