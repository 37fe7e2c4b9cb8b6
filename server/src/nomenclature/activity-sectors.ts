/**
 * Activity sectors: NACE Rev. 2 classes and the French NAF rév. 2 sub-classes below them (the APE code of the
 * SIRENE register), loaded once from the reference data. Sources and counts: data/nomenclature/SOURCES.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSearchKey, normalizeText, rankBySearch, type Searchable } from './text-search.js';

interface NaceRow {
  code: string;
  label_en: string;
  label_fr: string;
}

interface NaceFile {
  sections: NaceRow[];
  divisions: Array<NaceRow & { section: string }>;
  groups: Array<NaceRow & { division: string }>;
  classes: Array<NaceRow & { group: string }>;
  naf_subclasses: Array<{ code: string; label_fr: string; class: string }>;
}

/** Part of the public API: add values, never rename them. */
export enum ActivitySectorLevel {
  /** A NACE Rev. 2 class, shared by every EU country: "24.10". */
  CLASS = 'CLASS',
  /** A French NAF rév. 2 sub-class (APE code): "24.10Z". */
  NAF_SUBCLASS = 'NAF_SUBCLASS',
}

export interface ActivitySectorEntry {
  /** "24.10" for a class, "24.10Z" for a NAF sub-class. */
  code: string;
  level: ActivitySectorLevel;
  labelFr: string;
  /** The class label for NAF sub-classes, which have no official English label. */
  labelEn: string | null;
  sectionCode: string;
  sectionLabelFr: string;
  sectionLabelEn: string;
  divisionCode: string;
}

const naceFile = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../../data/nomenclature/nace.json'), 'utf8'),
) as NaceFile;

const ENTRIES: readonly ActivitySectorEntry[] = buildEntries(naceFile);
const ENTRY_BY_CODE = new Map(ENTRIES.map((entry) => [entry.code, entry]));
const SEARCHABLE: ReadonlyArray<Searchable<ActivitySectorEntry>> = buildSearchable(naceFile, ENTRIES);

function buildEntries(file: NaceFile): ActivitySectorEntry[] {
  const sections = new Map(file.sections.map((row) => [row.code, row]));
  const divisions = new Map(file.divisions.map((row) => [row.code, row]));
  const groups = new Map(file.groups.map((row) => [row.code, row]));
  const classes = new Map(file.classes.map((row) => [row.code, row]));

  const headingsOf = (classCode: string) => {
    const group = groups.get(classes.get(classCode)?.group ?? '');
    const division = divisions.get(group?.division ?? '');
    const section = sections.get(division?.section ?? '');
    if (!division || !section) throw new Error(`nace.json: class ${classCode} has no division or section`);
    return {
      sectionCode: section.code,
      sectionLabelFr: section.label_fr,
      // Eurostat spells English section titles in capitals ("MANUFACTURING"); they are shown in sentences.
      sectionLabelEn: sentenceCase(section.label_en),
      divisionCode: division.code,
    };
  };

  const classEntries = file.classes.map(
    (row): ActivitySectorEntry => ({
      code: row.code,
      level: ActivitySectorLevel.CLASS,
      labelFr: row.label_fr,
      labelEn: row.label_en,
      ...headingsOf(row.code),
    }),
  );
  const subclassEntries = file.naf_subclasses.map(
    (row): ActivitySectorEntry => ({
      code: row.code,
      level: ActivitySectorLevel.NAF_SUBCLASS,
      labelFr: row.label_fr,
      labelEn: classes.get(row.class)?.label_en ?? null,
      ...headingsOf(row.class),
    }),
  );
  // "24.10" sorts before "24.10Z": a class comes just ahead of its sub-classes.
  return [...classEntries, ...subclassEntries].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function buildSearchable(
  file: NaceFile,
  entries: readonly ActivitySectorEntry[],
): ReadonlyArray<Searchable<ActivitySectorEntry>> {
  const divisions = new Map(file.divisions.map((row) => [row.code, row]));
  return entries.map((entry) => {
    const division = divisions.get(entry.divisionCode);
    return {
      item: entry,
      key: buildSearchKey(
        entry.code,
        [entry.labelFr, entry.labelEn],
        [division?.label_fr, division?.label_en, entry.sectionLabelFr, entry.sectionLabelEn],
      ),
    };
  });
}

const NACE_CODE_SHAPE = /^(\d{2})[\s.]?(\d{2})\s*([a-zA-Z])?$/;

/**
 * The canonical form of a NAF sub-class ("24.10Z", "2410Z", "24.10z" → "24.10Z") or of a NACE class ("24.10",
 * "2410" → "24.10"), or null when no such code exists.
 */
export function normalizeNaceCode(input: string): string | null {
  const match = NACE_CODE_SHAPE.exec(input.trim());
  if (!match) return null;
  const code = `${match[1]}.${match[2]}${match[3]?.toUpperCase() ?? ''}`;
  return ENTRY_BY_CODE.has(code) ? code : null;
}

/** The class or NAF sub-class for a code in any form normalizeNaceCode accepts. */
/** "WATER SUPPLY; SEWERAGE" → "Water supply; sewerage" (mixed-case text is left as it is). */
function sentenceCase(label: string): string {
  if (label !== label.toUpperCase()) return label;
  const lower = label.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

export function findActivitySector(code: string): ActivitySectorEntry | undefined {
  const normalized = normalizeNaceCode(code);
  return normalized === null ? undefined : ENTRY_BY_CODE.get(normalized);
}

/** All classes and NAF sub-classes, in code order. */
export function listActivitySectors(): readonly ActivitySectorEntry[] {
  return ENTRIES;
}

/**
 * Classes and NAF sub-classes matching a code, a code prefix ("24" lists division 24) or words of their labels
 * in French or English; without a search, the first ones in code order.
 */
export function searchActivitySectors(search: string | undefined, first: number): ActivitySectorEntry[] {
  return rankBySearch(SEARCHABLE, search, first);
}

const SECTION_SHAPE = /^[a-uA-U]$/;
const DIVISION_SHAPE = /^\d{2}$/;

/**
 * The codes (classes and NAF sub-classes) a sector names: a section letter ("C"), a division ("24"), a class
 * ("24.10", with its sub-classes) or a NAF sub-class ("24.10Z"); null when it names no sector.
 */
export function codesOfSector(sector: string): string[] | null {
  const typed = sector.trim();
  if (SECTION_SHAPE.test(typed)) {
    const codes = ENTRIES.filter((entry) => entry.sectionCode === typed.toUpperCase()).map((entry) => entry.code);
    return codes.length ? codes : null;
  }
  if (DIVISION_SHAPE.test(typed)) {
    const codes = ENTRIES.filter((entry) => entry.divisionCode === typed).map((entry) => entry.code);
    return codes.length ? codes : null;
  }
  const entry = findActivitySector(typed);
  if (!entry) return null;
  if (entry.level === ActivitySectorLevel.NAF_SUBCLASS) return [entry.code];
  return ENTRIES.filter((other) => other.code === entry.code || other.code.startsWith(entry.code)).map((other) => other.code);
}

/** The codes whose own label or section label holds `text` (accent- and case-insensitive), for a free search. */
export function codesLabelled(text: string): string[] {
  const wanted = normalizeText(text);
  // Two letters are in most labels: a search that short names no sector.
  if (wanted.length < 3) return [];
  return ENTRIES.filter((entry) => normalizeText(entry.labelFr).includes(wanted) || normalizeText(entry.sectionLabelFr).includes(wanted)).map(
    (entry) => entry.code,
  );
}

export interface ActivitySectionEntry {
  code: string;
  labelFr: string;
  labelEn: string;
}

/** The NACE sections, A to U, for a filter's choices. */
export function listActivitySections(): readonly ActivitySectionEntry[] {
  return naceFile.sections.map((row) => ({ code: row.code, labelFr: row.label_fr, labelEn: sentenceCase(row.label_en) }));
}
