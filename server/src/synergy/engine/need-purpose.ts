/**
 * What a need IS, told from what it is FOR: "Eau pour le refroidissement" is water, not cooling; "Limestone for the
 * raw meal" is limestone, not a cement raw meal; "Electricity for extruders" is electricity. A receiver names the
 * thing it buys first, then, after "pour" / "for" / "destiné à" / "used for", the use it puts it to. The use runs to
 * the end of its clause: a parenthesis, a comma, a semicolon or a colon starts again what is bought ("Fibre for
 * pulping (wood chips today)" still names wood chips).
 */

const PURPOSE = /(^|[\s(])(?:pour|for|used for|intended for|destin[ée]e?s? (?:à|a|au|aux))(?=\s)[^(),;:]*/giu;
const HAS_WORD = /[\p{L}\p{N}]/u;

/** The label less its purpose clauses; the label itself when nothing would be left of it. */
export function withoutPurpose(label: string): string {
  const head = label.replace(PURPOSE, '$1');
  return head !== label && HAS_WORD.test(head) ? head : label;
}
