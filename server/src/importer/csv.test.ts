import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-errors.js';
import { toMonths, toNumber } from './csv-format.js';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads the semicolons of French Excel, with a BOM, CRLF and quoted fields', () => {
    const table = parseCsv('\uFEFFName;Note\r\n"Dupont; fils";"dit ""le grand""\r\nsur deux lignes"\r\nMartin;\r\n');
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['name', 'note']);
    expect(table.rows).toEqual([
      { row: 2, line: 2, values: { name: 'Dupont; fils', note: 'dit "le grand"\r\nsur deux lignes' }, extraFields: 0 },
      { row: 3, line: 4, values: { name: 'Martin', note: '' }, extraFields: 0 },
    ]);
  });

  it('reads commas, LF and a last line without a line break', () => {
    const table = parseCsv('a,b\n1,"2,5"\n3,4');
    expect(table.delimiter).toBe(',');
    expect(table.rows.map((r) => r.values)).toEqual([{ a: '1', b: '2,5' }, { a: '3', b: '4' }]);
  });

  it('guesses the delimiter from the header only, ignoring quoted ones', () => {
    expect(parseCsv('"a;b",c\n1;2;3;4,5').delimiter).toBe(',');
    expect(parseCsv('a;b,c;d\n').delimiter).toBe(';');
  });

  it('numbers rows as a spreadsheet does: blank rows count, and are skipped', () => {
    const table = parseCsv('a;b\n1;2\n\n;\n5;6\n');
    expect(table.rows.map((r) => [r.row, r.values.a])).toEqual([[2, '1'], [5, '5']]);
  });

  it('counts filled fields beyond the header or under unnamed columns, and leaves missing ones empty', () => {
    const [row] = parseCsv('a;b\n1;2;3;;\n').rows;
    expect(row.extraFields).toBe(1);
    const unnamed = parseCsv('a;;b;\n1;x;2;\n').rows[0];
    expect([unnamed.values, unnamed.extraFields]).toEqual([{ a: '1', b: '2' }, 1]);
    expect(parseCsv('a;b\n1\n').rows[0].values).toEqual({ a: '1', b: '' });
  });

  it('refuses a quoted field that never closes, naming its line', () => {
    expect(() => parseCsv('a;b\n1;"open\n2;3\n')).toThrow(DomainError);
    expect(() => parseCsv('a;b\n1;"open\n2;3\n')).toThrow(/line 2/);
  });

  it('refuses an empty file', () => {
    expect(() => parseCsv('\uFEFF\r\n')).toThrow(/empty/);
  });
});

describe('CSV cells', () => {
  it('reads decimal commas and grouped digits', () => {
    expect(toNumber('12,5')).toBe(12.5);
    expect(toNumber('1 200,75')).toBe(1200.75);
    expect(toNumber('1\u202f200')).toBe(1200);
    expect(toNumber('-0.5')).toBe(-0.5);
    expect(toNumber('1e3')).toBe(1000);
    expect(toNumber('douze')).toBe('douze');
    expect(toNumber('1,2,3')).toBe('1,2,3');
  });

  it('reads months as lists and ranges, across the new year too', () => {
    expect(toMonths('1-4,10-12')).toEqual([1, 2, 3, 4, 10, 11, 12]);
    expect(toMonths('1,2,3')).toEqual([1, 2, 3]);
    expect(toMonths('11-2')).toEqual([11, 12, 1, 2]);
    expect(toMonths('6')).toEqual([6]);
    expect(toMonths('0-3')).toBe('0-3');
    expect(toMonths('janvier')).toBe('janvier');
  });
});
