import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType('FirstFacilitatorSetup', { description: 'A valid link to create the first facilitator of a fresh instance.' })
export class FirstFacilitatorSetupNode {
  @Field(() => Date, { description: 'When the link stops working.' })
  expiresAt!: Date;
}

@InputType('CreateFirstFacilitatorInput')
export class CreateFirstFacilitatorInput {
  @Field(() => String, { description: 'The secret at the end of the link printed in the server log.' })
  token!: string;

  @Field(() => String, { description: 'Your name.' })
  name!: string;

  @Field(() => String, { description: 'Your e-mail address (your log-in).' })
  email!: string;

  @Field(() => String, { description: 'Your password (at least 10 characters).' })
  password!: string;

  @Field(() => String, { description: 'The territory you facilitate (e.g. "Val de Fensch").' })
  territoryName!: string;

  @Field(() => String, { description: 'Your facilitating organisation (e.g. "VALO\'LAB").' })
  organizationName!: string;
}
