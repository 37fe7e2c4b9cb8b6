/** Physical forms as small integers for the numeric core (0 = not declared, 1 = not applicable). */
const FORM_CODE: Record<string, number> = { NOT_APPLICABLE: 1, SOLID: 2, POWDER: 3, LIQUID: 4, SLUDGE: 5, GAS: 6 };

export function formCode(form: string | null): number {
  return form === null ? 0 : (FORM_CODE[form] ?? 7);
}
