import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType('OrganizationInvitation', { description: 'An invitation link made for one person. Its secret is shown once.' })
export class OrganizationInvitationNode {
  @Field(() => String, { description: "The link's path on this server (`/#/join/<secret>`): send it to the person; it works once, for a week." })
  path!: string;

  @Field(() => String, { description: 'The invited e-mail address (the account the link makes or joins).' })
  email!: string;

  @Field(() => Date, { description: 'When the link stops working.' })
  expiresAt!: Date;
}

@ObjectType('InvitationPreview', { description: 'What an invitation link offers, for the page that uses it.' })
export class InvitationPreviewNode {
  @Field(() => String, { description: 'The organisation the link joins.' })
  organizationName!: string;

  @Field(() => String, { description: 'The invited e-mail address.' })
  email!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Boolean, { description: 'An account already uses this address: its password is asked instead of a new one.' })
  accountExists!: boolean;
}

@InputType('AcceptInvitationInput')
export class AcceptInvitationInput {
  @Field(() => String, { description: 'The secret at the end of the link.' })
  token!: string;

  @Field(() => String, { description: 'Your name (ignored when the address already has an account).' })
  name!: string;

  @Field(() => String, { description: 'A new password (at least 10 characters), or the existing account’s password.' })
  password!: string;
}
