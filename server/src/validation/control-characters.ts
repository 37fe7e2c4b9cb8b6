import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { badInput, type FieldProblem } from '../errors/domain-errors.js';

/**
 * C0 control characters but tab, line feed and carriage return, and DEL: no text a person types contains them, and
 * PostgreSQL refuses NUL in text outright (which surfaced as an internal error).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/**
 * The arguments of every query, mutation and subscription, over HTTP and WebSocket alike, are refused with
 * BAD_USER_INPUT when a text in them holds a control character: checked once here, before any resolver, so that a
 * new input field is covered without a word. Root fields only: what is written comes through them, and wrapping
 * every field would slow down large answers.
 */
export function rejectControlCharacters(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (field.resolve) field.resolve = checked(field.resolve);
      if (field.subscribe) field.subscribe = checked(field.subscribe);
    }
  }
  return schema;
}

function checked<S, C>(resolve: GraphQLFieldResolver<S, C>): GraphQLFieldResolver<S, C> {
  return (source, args, context, info) => {
    const problems: FieldProblem[] = [];
    collect(args, '', problems);
    if (problems.length > 0) throw badInput('A text contains a control character.', problems);
    return resolve(source, args, context, info);
  };
}

function collect(value: unknown, path: string, problems: FieldProblem[]): void {
  if (typeof value === 'string') {
    if (hasControlCharacter(value)) problems.push({ field: path, message: 'must not contain control characters' });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => collect(item, `${path}[${index}]`, problems));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) collect(item, path ? `${path}.${key}` : key, problems);
  }
}
