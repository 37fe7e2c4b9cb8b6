/**
 * The layout of a member record (see member-grid.ts): a flow as one side of one pathway, STRIDE numbers laid end to
 * end in a Float64Array, at the offsets REC names. The grid writes records, the score's core (pair-score.ts) reads
 * them.
 */
export const STRIDE = 16;
export const REC = {
  SLOT: 0, ORG: 1, SLAT: 2, CLAT: 3, SLON: 4, CLON: 5, COS: 6, TEMP: 7,
  MASK: 8, FORM: 9, HAZARDOUS: 10, COMPAT: 11, QTY: 12, KIND: 13, INV_QTY: 14, DIRECT_FROM: 15,
} as const;

/**
 * In REC.INV_QTY (REC.QTY then NaN): the flow declared a quantity its counterparts may not read (PRIVATE). Passed on
 * as the pair's quantity to the counterpart lists (top-lists.ts), where it counts as unknown for ranking and as never
 * covered: a PRIVATE flow's list keeps looking as far as any flow's may, whatever its hidden quantity.
 */
export const HIDDEN_QUANTITY = -1;
