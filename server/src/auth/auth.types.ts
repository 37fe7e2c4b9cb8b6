import { Field, InputType, ObjectType } from 'type-graphql';
import { toGlobalId } from '../graphql/global-id.js';
import { Node } from '../graphql/node.js';
import type { ApiToken } from './credential.entity.js';

@ObjectType('User', { implements: Node, description: 'A person with an account.' })
export class UserNode extends Node {
  dbId!: string;

  @Field(() => String, { description: 'E-mail address (log-in name).' })
  email!: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  static from(user: { id: string; email: string; name: string }): UserNode {
    return Object.assign(new UserNode(), { id: toGlobalId('User', user.id), dbId: user.id, email: user.email, name: user.name });
  }
}

@ObjectType('ApiToken', { implements: Node, description: 'A named token for integrators. Its secret is shown only once, at creation.' })
export class ApiTokenNode extends Node {
  @Field(() => String, { description: 'Name given at creation, e.g. "ERP export".' })
  name!: string;

  @Field(() => String, { description: 'First characters of the token, to recognise it.' })
  prefix!: string;

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was last used (to the minute).' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; a revoked token authenticates nothing.' })
  revokedAt!: Date | null;

  static from(t: ApiToken): ApiTokenNode {
    return Object.assign(new ApiTokenNode(), {
      id: toGlobalId('ApiToken', t.id),
      name: t.name,
      prefix: t.prefix,
      createdAt: t.createdAt,
      lastUsedAt: t.lastUsedAt ?? null,
      revokedAt: t.revokedAt ?? null,
    });
  }
}

@ObjectType('AuthPayload', { description: 'The signed-in user. Over HTTP, the session cookie is set on the response.' })
export class AuthPayload {
  @Field(() => UserNode, { description: 'Who you are now.' })
  viewer!: UserNode;
}

@ObjectType('CreateApiTokenPayload', { description: 'A new API token.' })
export class CreateApiTokenPayload {
  @Field(() => String, { description: 'The secret: send it as `Authorization: Bearer <token>`. It is never shown again.' })
  token!: string;

  @Field(() => ApiTokenNode, { description: 'The token record.' })
  apiToken!: ApiTokenNode;
}

@InputType({ description: 'A new account.' })
export class SignUpInput {
  @Field(() => String, { description: 'E-mail address.' })
  email!: string;

  @Field(() => String, { description: 'Password, at least 10 characters.' })
  password!: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;
}

@InputType({ description: 'Credentials.' })
export class LogInInput {
  @Field(() => String, { description: 'E-mail address.' })
  email!: string;

  @Field(() => String, { description: 'Password.' })
  password!: string;
}

@InputType({ description: 'A new password, with the current one.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'The current password.' })
  current!: string;

  @Field(() => String, { description: 'The new password, at least 10 characters.' })
  new!: string;
}
