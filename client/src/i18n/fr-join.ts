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
