import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { indicatorKey, PLAN_FIELDS, planParts } from './plan-shape';

const SERVER_SHAPE = fileURLToPath(new URL('../../../../../server/src/collab/plan/plan-shape.ts', import.meta.url));

/** The object literal of `export const <name> = { … } as const;` in the server's source, as key/value pairs. */
function objectLiteral(source: string, name: string): Record<string, string> {
  const match = new RegExp(`export const ${name} = \\{([^}]*)\\} as const;`).exec(source);
  if (!match) throw new Error(`${name} not found in the server's plan shape`);
  return Object.fromEntries([...match[1].matchAll(/(\w+):\s*'([^']*)'/g)].map((m) => [m[1], m[2]]));
}

describe("the browser's plan shape", () => {
  const server = readFileSync(SERVER_SHAPE, 'utf8');

  it("names the document's parts exactly as the server does", () => {
    expect(objectLiteral(server, 'PLAN_FIELDS')).toEqual({ ...PLAN_FIELDS });
  });

  it('keys indicators as the server does', () => {
    expect(server).toContain('return `${indicator}|${unit}`;');
    expect(indicatorKey('tCO2e évitées', 't/an')).toBe('tCO2e évitées|t/an');
  });

  it('opens each part with the Yjs type the server uses', () => {
    const doc = new Y.Doc();
    const parts = planParts(doc);
    expect(parts.notes).toBeInstanceOf(Y.XmlFragment);
    expect(parts.actions).toBeInstanceOf(Y.Array);
    expect(parts.indicators).toBeInstanceOf(Y.Map);
    for (const [part, getter] of [
      ['meta', 'getMap'],
      ['notes', 'getXmlFragment'],
      ['actions', 'getArray'],
      ['budget', 'getArray'],
      ['indicators', 'getMap'],
    ]) {
      expect(server, part).toContain(`${part}: doc.${getter}(PLAN_FIELDS.${part})`);
    }
  });
});
