/**
 * Small pieces of hand-written SQL shared by the services that query with `em.execute` (MikroORM's `?`
 * placeholders): one spelling of each, so that an escaping rule is fixed in one place.
 */

/** `= ANY(…)` over a list of UUIDs passed as one parameter (see `sqlList`): one placeholder whatever the length. */
export const ANY_UUID = `any(string_to_array(?, ',')::uuid[])`;

/** `= ANY(…)` over a list of plain words (enum values) passed as one parameter (see `sqlList`). */
export const ANY_TEXT = `any(string_to_array(?, ','))`;

/** The parameter of `ANY_UUID` / `ANY_TEXT`: the values joined by commas (UUIDs and enum values hold none). */
export const sqlList = (values: readonly string[]): string => values.join(',');

/**
 * A `LIKE` pattern that finds `text` anywhere, read literally: `%`, `_` and the escape character `\` typed by a
 * user match themselves instead of acting as wildcards.
 */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
