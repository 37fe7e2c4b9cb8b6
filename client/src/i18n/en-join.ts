import type { frJoin, frReset, frSetup } from './fr-join';

/** English messages of invitations. */
export const enJoin: Record<keyof typeof frJoin, string> = {
  'invite.title': 'Invite a person',
  'invite.email': 'Their e-mail address',
  'invite.role': 'Role',
  'invite.role.MEMBER': 'Member',
  'invite.role.ADMIN': 'Administrator',
  'invite.submit': 'Make the invitation link',
  'invite.made': 'Link for {email}, valid once for 7 days — send it to them:',
  'invite.link': 'Invitation link',
  'join.title': 'Join FE2I',
  'join.intro': 'You are invited to join {organization} on FE2I, the territorial industrial-ecology platform run by VALO’LAB, with the address {email}.',
  'join.name': 'Your name',
  'join.newPassword': 'Choose a password (at least 10 characters)',
  'join.existingPassword': 'Your FE2I account’s password',
  'join.submit': 'Join',
  'join.invalid': 'This invitation link is not valid (unknown, already used or expired): {message}',
};

/** English messages of the password reset. */
export const enReset: Record<keyof typeof frReset, string> = {
  'reset.forgot': 'Forgot your password?',
  'reset.email': "Your account's e-mail address",
  'reset.send': 'Send me a link',
  'reset.sent': 'If an account uses this address, a link valid for an hour has just been sent to it.',
  'reset.title': 'New password',
  'reset.newPassword': 'New password (at least 10 characters)',
  'reset.submit': 'Save and sign in',
};

/** English messages of the first start's setup link. */
export const enSetup: Record<keyof typeof frSetup, string> = {
  'setup.title': 'Setting FE2I up',
  'setup.intro': 'This instance has no facilitator yet. Create your account, your territory and your facilitating organisation: you can then invite the organisations of the territory. This link works once.',
  'setup.expires': 'The link works until {date}.',
  'setup.name': 'Your name',
  'setup.email': 'Your e-mail address (your log-in)',
  'setup.password': 'Choose a password (at least 10 characters)',
  'setup.territoryName': 'Name of the territory you facilitate',
  'setup.territoryHint': 'For example "Val de Fensch"; you can add organisations to it afterwards.',
  'setup.organizationName': 'Name of your facilitating organisation',
  'setup.organizationHint': 'For example "VALO\'LAB".',
  'setup.submit': 'Create the account and enter',
  'setup.invalid': 'This setup link does not work (unknown, used, expired, or a facilitator already exists): {message}',
  'setup.problem.email': 'This e-mail address is not valid.',
  'setup.problem.passwordShort': 'The password must be at least {min} characters long.',
  'setup.problem.tooLong': 'This is too long.',
  'setup.problem.length': 'Between 1 and 200 characters.',
  'setup.problem.server': 'The server refuses this value: {message}',
};
