import { describe, expect, it } from 'vitest';
import { decodeBase64 } from './report-file';

describe('decodeBase64', () => {
  it('gives back the bytes, UTF-8 included', () => {
    const text = 'Rapport — Val de Fensch, émissions évitées';
    const base64 = Buffer.from(text, 'utf8').toString('base64');
    expect(new TextDecoder().decode(decodeBase64(base64))).toBe(text);
    expect([...decodeBase64(Buffer.from([0, 255, 37, 80]).toString('base64'))]).toEqual([0, 255, 37, 80]);
  });
});
