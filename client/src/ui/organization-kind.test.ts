import { readFileSync } from 'node:fs';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/messages';
import { ORGANIZATION_KIND_MESSAGES, organizationKindMessage } from './organization-kind';

describe('organisation kinds', () => {
  it('names every kind of the public schema', () => {
    const schema = buildSchema(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8'));
    const kind = schema.getType('OrganizationKind');
    if (!isEnumType(kind)) throw new Error('OrganizationKind is not an enum of the schema');
    expect(Object.keys(ORGANIZATION_KIND_MESSAGES).sort()).toEqual(kind.getValues().map((v) => v.name).sort());
  });

  it.each([
    ['COMPANY', 'Entreprise', 'Company'],
    ['AUTHORITY', 'Collectivité', 'Local authority'],
    ['SSE', "Structure de l'ESS / insertion", 'Social economy / insertion'],
    ['RESEARCH', 'Laboratoire', 'Laboratory'],
    ['UNIVERSITY', 'Université', 'University'],
    ['FACILITATOR', 'Animateur du territoire', 'Territory facilitator'],
    ['OTHER', 'Autre', 'Other'],
  ] as const)('%s reads "%s" in French and "%s" in English', (kind, french, english) => {
    expect(translate('fr', organizationKindMessage(kind))).toBe(french);
    expect(translate('en', organizationKindMessage(kind))).toBe(english);
  });
});
