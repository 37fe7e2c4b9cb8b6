/** French messages of invitations; spread into `fr`. */
export const frJoin = {
  'invite.title': 'Inviter une personne',
  'invite.email': 'Son adresse e-mail',
  'invite.role': 'Rôle',
  'invite.role.MEMBER': 'Membre',
  'invite.role.ADMIN': 'Administrateur ou administratrice',
  'invite.submit': 'Créer le lien d’invitation',
  'invite.made': 'Lien pour {email}, valable une fois pendant 7 jours — envoyez-le-lui :',
  'invite.link': 'Lien d’invitation',
  'join.title': 'Rejoindre FE2I',
  'join.intro': 'Vous êtes invité·e à rejoindre {organization} sur FE2I, la plateforme d’écologie industrielle du territoire animée par VALO’LAB, avec l’adresse {email}.',
  'join.name': 'Votre nom',
  'join.newPassword': 'Choisissez un mot de passe (10 caractères au moins)',
  'join.existingPassword': 'Mot de passe de votre compte FE2I',
  'join.submit': 'Rejoindre',
  'join.invalid': 'Ce lien d’invitation n’est pas valable (inconnu, déjà utilisé ou expiré) : {message}',
};

/** French messages of the password reset; spread into `fr`. */
export const frReset = {
  'reset.forgot': 'Mot de passe oublié ?',
  'reset.email': 'Adresse e-mail de votre compte',
  'reset.send': 'Recevoir un lien',
  'reset.sent': 'Si un compte utilise cette adresse, un lien valable une heure vient de lui être envoyé.',
  'reset.title': 'Nouveau mot de passe',
  'reset.newPassword': 'Nouveau mot de passe (10 caractères au moins)',
  'reset.submit': 'Enregistrer et se connecter',
};

/** French messages of the first start's setup link; spread into `fr`. */
export const frSetup = {
  'setup.title': 'Première mise en route de FE2I',
  'setup.intro': 'Cette instance n’a encore aucun animateur ni aucune animatrice. Créez votre compte, votre territoire et votre structure d’animation : vous pourrez ensuite inviter les organisations du territoire. Ce lien ne sert qu’une fois.',
  'setup.expires': 'Lien valable jusqu’au {date}.',
  'setup.name': 'Votre nom',
  'setup.email': 'Votre adresse e-mail (votre identifiant)',
  'setup.password': 'Choisissez un mot de passe (10 caractères au moins)',
  'setup.territoryName': 'Nom du territoire que vous animez',
  'setup.territoryHint': 'Par exemple « Val de Fensch » ; vous pourrez y ajouter des organisations.',
  'setup.organizationName': 'Nom de votre structure d’animation',
  'setup.organizationHint': 'Par exemple « VALO’LAB ».',
  'setup.submit': 'Créer le compte et entrer',
  'setup.invalid': 'Ce lien de mise en route n’est pas valable (inconnu, déjà utilisé, expiré, ou un animateur existe déjà) : {message}',
  'setup.problem.email': 'Cette adresse e-mail n’est pas valable.',
  'setup.problem.passwordShort': 'Le mot de passe doit compter au moins {min} caractères.',
  'setup.problem.tooLong': 'C’est trop long.',
  'setup.problem.length': 'Entre 1 et 200 caractères.',
  'setup.problem.server': 'Le serveur refuse cette valeur : {message}',
};
