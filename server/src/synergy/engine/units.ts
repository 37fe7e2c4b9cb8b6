import type { FlowUnit } from '../../vocabulary/flow.enums.js';

/**
 * Conversion of a flow's quantity into a pathway's unit. Units of the same dimension convert (kg→t ÷ 1000,
 * kWh→MWh ÷ 1000, L→m³ ÷ 1000); units of different dimensions (t against pieces) do not: the quantity is then
 * unknown for the comparison, never a crash.
 */

type Dimension = 'mass' | 'energy' | 'volume' | 'count' | 'time' | 'area';

const UNIT_SCALE: Record<`${FlowUnit}`, { dimension: Dimension; toBase: number }> = {
  TONNE: { dimension: 'mass', toBase: 1 },
  KILOGRAM: { dimension: 'mass', toBase: 0.001 },
  MEGAWATT_HOUR: { dimension: 'energy', toBase: 1 },
  KILOWATT_HOUR: { dimension: 'energy', toBase: 0.001 },
  CUBIC_METRE: { dimension: 'volume', toBase: 1 },
  LITRE: { dimension: 'volume', toBase: 0.001 },
  UNIT: { dimension: 'count', toBase: 1 },
  HOUR: { dimension: 'time', toBase: 1 },
  SQUARE_METRE: { dimension: 'area', toBase: 1 },
};

/**
 * `quantity` (in `from`) expressed in `to`; null when the quantity is unknown, not positive, or the units are of
 * different dimensions.
 */
export function convertQuantity(
  quantity: number | null,
  from: FlowUnit | `${FlowUnit}`,
  to: FlowUnit | `${FlowUnit}`,
): number | null {
  if (quantity === null || !Number.isFinite(quantity) || quantity <= 0) return null;
  if (from === to) return quantity;
  const source = UNIT_SCALE[from];
  const target = UNIT_SCALE[to];
  if (!source || !target || source.dimension !== target.dimension) return null;
  return (quantity * source.toBase) / target.toBase;
}

/** Tonnes in a quantity of `unit`, or null when the unit is not a mass. */
export function toTonnes(quantity: number | null, unit: FlowUnit | `${FlowUnit}`): number | null {
  return convertQuantity(quantity, unit, 'TONNE');
}
