/**
 * The European List of Waste (Decision 2000/532/EC as amended in 2014), loaded once from the reference data.
 * Sources and counts: data/nomenclature/SOURCES.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSearchKey, rankBySearch, type Searchable } from './text-search.js';

interface EwcHeadingRow {
  code: string;
  label_en: string;
  label_fr: string;
}

interface EwcEntryRow extends EwcHeadingRow {
  subchapter: string;
  hazardous: boolean;
  entry_type: EwcEntryType;
}

interface EwcFile {
  chapters: EwcHeadingRow[];
  subchapters: Array<EwcHeadingRow & { chapter: string }>;
  entries: EwcEntryRow[];
}

/** WM3 (UK) classification of an entry: not part of the EU legal text. */
export type EwcEntryType =
  | 'absolute_hazardous'
  | 'mirror_hazardous'
  | 'absolute_non_hazardous'
  | 'mirror_non_hazardous';

/** An entry of the list with the labels of its chapter and subchapter. */
export interface WasteCodeEntry {
  /** Six digits in pairs: "10 02 01". */
  code: string;
  hazardous: boolean;
  entryType: EwcEntryType;
  labelFr: string;
  labelEn: string;
  chapterCode: string;
  chapterLabelFr: string;
  chapterLabelEn: string;
  subchapterCode: string;
  subchapterLabelFr: string;
  subchapterLabelEn: string;
}

/**
 * Words industrials use that the legal labels do not contain. Only entries that are the usual classification of
 * the thing are listed, so that "palettes" finds wooden packaging.
 */
const ALIASES: Record<string, string[]> = {
  '15 01 03': ['palettes', 'pallets', 'cagettes'],
  '17 01 07': ['gravats', 'rubble'],
  '17 04 05': ['ferraille', 'scrap metal'],
  '19 12 02': ['ferraille', 'scrap metal'],
  '20 01 08': ['biodéchets', 'biowaste'],
  '20 02 01': ['déchets verts', 'green waste'],
};

const ewcFile = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../../data/nomenclature/ewc.json'), 'utf8'),
) as EwcFile;

const ENTRIES: readonly WasteCodeEntry[] = buildEntries(ewcFile);
const ENTRY_BY_CODE = new Map(ENTRIES.map((entry) => [entry.code, entry]));
const SEARCHABLE: ReadonlyArray<Searchable<WasteCodeEntry>> = ENTRIES.map((entry) => ({
  item: entry,
  key: buildSearchKey(
    entry.code,
    [entry.labelFr, entry.labelEn, ...(ALIASES[entry.code] ?? [])],
    [entry.subchapterLabelFr, entry.subchapterLabelEn, entry.chapterLabelFr, entry.chapterLabelEn],
  ),
}));

function buildEntries(file: EwcFile): WasteCodeEntry[] {
  const chapters = new Map(file.chapters.map((chapter) => [chapter.code, chapter]));
  const subchapters = new Map(file.subchapters.map((subchapter) => [subchapter.code, subchapter]));
  return file.entries
    .map((row) => {
      const subchapter = subchapters.get(row.subchapter);
      const chapter = subchapter && chapters.get(subchapter.chapter);
      if (!subchapter || !chapter) throw new Error(`ewc.json: entry ${row.code} has no chapter or subchapter`);
      return {
        code: row.code,
        hazardous: row.hazardous,
        entryType: row.entry_type,
        labelFr: row.label_fr,
        labelEn: row.label_en,
        chapterCode: chapter.code,
        chapterLabelFr: chapter.label_fr,
        chapterLabelEn: chapter.label_en,
        subchapterCode: subchapter.code,
        subchapterLabelFr: subchapter.label_fr,
        subchapterLabelEn: subchapter.label_en,
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

// The asterisk marks hazardous entries in the legal text; people copy it along with the code.
const EWC_CODE_SHAPE = /^(\d{2})[\s.-]*(\d{2})[\s.-]*(\d{2})\s*\*?$/;

/**
 * The canonical form ("10 02 01") of a code written "100201", "10.02.01", "10-02-01" or "10 02 01*", or null
 * when it is not an entry of the list.
 */
export function normalizeEwcCode(input: string): string | null {
  const match = EWC_CODE_SHAPE.exec(input.trim());
  if (!match) return null;
  const code = `${match[1]} ${match[2]} ${match[3]}`;
  return ENTRY_BY_CODE.has(code) ? code : null;
}

/** The entry for a code in any form normalizeEwcCode accepts. */
export function findWasteCode(code: string): WasteCodeEntry | undefined {
  const normalized = normalizeEwcCode(code);
  return normalized === null ? undefined : ENTRY_BY_CODE.get(normalized);
}

/** All entries, in code order. */
export function listWasteCodes(): readonly WasteCodeEntry[] {
  return ENTRIES;
}

/**
 * Entries matching a code, a code prefix ("10 02", "1002": the subchapter's entries) or words of their labels
 * in French or English; without a search, the first entries in code order.
 */
export function searchWasteCodes(search: string | undefined, first: number): WasteCodeEntry[] {
  return rankBySearch(SEARCHABLE, search, first);
}
