import { expect } from 'vitest';

/** The secret of the one setup link a start printed in its log (`…/#/setup/<secret>`). */
export function setupToken(lines: string[]): string {
  const tokens = lines.flatMap((line) => [...line.matchAll(/\/#\/setup\/(fe2i_f_[\w-]+)/g)].map((m) => m[1]));
  expect(tokens, lines.join('\n')).toHaveLength(1);
  return tokens[0];
}
