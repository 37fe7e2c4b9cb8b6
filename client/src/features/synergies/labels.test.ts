import { readFileSync } from 'node:fs';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CONSENT_MESSAGES, SYNERGY_KIND_MESSAGES, SYNERGY_ORIGIN_MESSAGES, SYNERGY_ROLE_MESSAGES, SYNERGY_STATUSES, SYNERGY_STATUS_MESSAGES } from './labels';

const schema = buildSchema(readFileSync(new URL('../../../../schema/schema.graphql', import.meta.url), 'utf8'));
const values = (name: string) => {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum of the schema`);
  return type.getValues().map((v) => v.name).sort();
};

describe('synergy labels', () => {
  it.each([
    ['SynergyKind', SYNERGY_KIND_MESSAGES],
    ['SynergyStatus', SYNERGY_STATUS_MESSAGES],
    ['SynergyOrigin', SYNERGY_ORIGIN_MESSAGES],
    ['SynergyRole', SYNERGY_ROLE_MESSAGES],
    ['Consent', CONSENT_MESSAGES],
  ] as const)('name every value of %s', (name, messages) => {
    expect(Object.keys(messages).sort()).toEqual(values(name));
  });

  it('offer every status in the filter', () => {
    expect([...SYNERGY_STATUSES].sort()).toEqual(values('SynergyStatus'));
  });
});
