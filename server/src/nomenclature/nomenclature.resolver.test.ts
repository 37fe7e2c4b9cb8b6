import 'reflect-metadata';
import { graphql, type GraphQLEnumType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { NomenclatureResolver } from './nomenclature.resolver.js';

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildSchema({ resolvers: [NomenclatureResolver], validate: false });
});

const run = (source: string, variableValues?: Record<string, unknown>) => graphql({ schema, source, variableValues });

describe('NomenclatureResolver', () => {
  it('answers wasteCodes with the chapter and subchapter of each entry, without authentication', async () => {
    const result = await run(`{
      wasteCodes(search: "laitier", first: 2) {
        code hazardous labelFr labelEn chapterCode chapterLabelFr chapterLabelEn
        subchapterCode subchapterLabelFr subchapterLabelEn
      }
    }`);
    expect(result.errors).toBeUndefined();
    const entries = result.data?.wasteCodes as Array<Record<string, unknown>>;
    expect(entries.map((entry) => entry.code)).toEqual(['10 02 01', '10 02 02']);
    expect(entries[0]).toMatchObject({ hazardous: false, chapterCode: '10', subchapterCode: '10 02' });
  });

  it('returns 20 waste codes by default', async () => {
    const result = await run('{ wasteCodes { code } }');
    expect(result.data?.wasteCodes).toHaveLength(20);
  });

  it('answers activitySectors with the level and section', async () => {
    const result = await run(`query ($search: String) {
      activitySectors(search: $search) { code level labelFr labelEn sectionCode sectionLabelFr sectionLabelEn divisionCode }
    }`, { search: '2410z' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.activitySectors).toEqual([
      {
        code: '24.10Z',
        level: 'NAF_SUBCLASS',
        labelFr: 'Sidérurgie',
        labelEn: 'Manufacture of basic iron and steel and of ferro-alloys',
        sectionCode: 'C',
        sectionLabelFr: 'Industrie manufacturière',
        sectionLabelEn: 'Manufacturing',
        divisionCode: '24',
      },
    ]);
  });

  it.each([
    ['wasteCodes', 0],
    ['wasteCodes', 101],
    ['activitySectors', 0],
    ['activitySectors', -5],
  ])('rejects %s(first: %i) as a bad user input', async (field, first) => {
    const result = await run(`{ ${field}(first: ${first}) { code } }`);
    expect(result.errors?.[0]?.message).toBe('first must be between 1 and 100');
    expect(result.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('accepts first at both ends of its range', async () => {
    const result = await run('{ one: wasteCodes(first: 1) { code } all: activitySectors(first: 100) { code } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.one).toHaveLength(1);
    expect(result.data?.all).toHaveLength(100);
  });

  it('describes its types, fields and enum values for integrators', () => {
    for (const typeName of ['WasteCode', 'ActivitySector']) {
      const type = schema.getType(typeName) as GraphQLObjectType;
      expect(type.description).toBeTruthy();
      for (const field of Object.values(type.getFields())) expect(field.description, field.name).toBeTruthy();
    }
    const level = schema.getType('ActivitySectorLevel') as GraphQLEnumType;
    expect(level.description).toBeTruthy();
    expect(level.getValues().every((value) => value.description)).toBe(true);
  });
});
