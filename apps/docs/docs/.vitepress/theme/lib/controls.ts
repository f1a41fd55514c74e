/**
 * From a @lab/core params spec to UI controls: the single place where the demos' sliders, selects
 * and checkboxes come from. Pure functions, so the mapping is unit-tested without a browser.
 *
 * - number / number-or-schedule -> slider (logarithmic when the spec says `log: true`)
 * - integer -> slider with step 1 (logarithmic when `log`)
 * - enum -> select
 * - boolean -> checkbox
 * - numbers -> a comma-separated text field
 * - optional without a default -> the control plus a checkbox that sets or unsets it
 *
 * The spec gives the bounds. A demo may narrow the displayed range with a hint (an Adam learning rate
 * may be anything > 0; on a 2-D toy surface 1e-4..1 is the useful part), never widen it past the spec.
 */
import type { ParamSpec, ParamsSpec } from '@lab/core';

export interface RangeHint {
  min?: number;
  max?: number;
  log?: boolean;
}

interface Base {
  readonly name: string;
  readonly description: string;
  /** An optional param without a default: the control can be switched off (value `undefined`). */
  readonly unsettable: boolean;
}

export interface SliderControl extends Base {
  readonly type: 'slider';
  readonly min: number;
  readonly max: number;
  readonly log: boolean;
  readonly integer: boolean;
  /** Slider positions: 0..positions. */
  readonly positions: number;
  readonly fallback: number;
}
export interface SelectControl extends Base {
  readonly type: 'select';
  readonly values: readonly string[];
  readonly fallback: string;
}
export interface CheckboxControl extends Base {
  readonly type: 'checkbox';
  readonly fallback: boolean;
}
export interface ListControl extends Base {
  readonly type: 'list';
  readonly length?: number;
  readonly min?: number;
  readonly max?: number;
  readonly fallback: number[];
}
export type Control = SliderControl | SelectControl | CheckboxControl | ListControl;

const POSITIONS = 400;

function sliderFor(name: string, p: Extract<ParamSpec, { kind: 'number' | 'integer' | 'number-or-schedule' }>, hint: RangeHint | undefined, current: unknown): SliderControl {
  const integer = p.kind === 'integer';
  const log = hint?.log ?? p.log ?? false;
  const ref = typeof current === 'number' ? current : typeof p.default === 'number' ? p.default : undefined;
  const exclusiveMin = 'exclusiveMin' in p && p.exclusiveMin === true;
  let lo = hint?.min ?? p.min;
  let hi = hint?.max ?? p.max;
  // never wider than the spec allows
  if (p.min !== undefined && lo !== undefined && lo < p.min) lo = p.min;
  if (p.max !== undefined && hi !== undefined && hi > p.max) hi = p.max;
  const r = ref ?? (lo !== undefined && hi !== undefined ? (lo + hi) / 2 : lo ?? hi ?? 1);
  if (log) {
    const base = r > 0 ? r : 1;
    if (lo === undefined || lo <= 0) lo = hi !== undefined && hi > 0 ? Math.min(base / 100, hi / 1e4) : base / 100;
    if (hi === undefined) hi = base * 100;
    if (integer) lo = Math.max(1, Math.round(lo));
  } else {
    if (lo === undefined) lo = r > 0 ? 0 : r === 0 ? -1 : r * 4;
    if (hi === undefined) hi = integer ? Math.max(lo + 10, Math.ceil(Math.abs(r) * 4)) : r > 0 ? r * 4 : r === 0 ? 1 : Math.max(lo + 1, 0);
    if (exclusiveMin && lo === p.min) lo = lo + (hi - lo) / POSITIONS;
  }
  if (!(hi > lo)) hi = lo + (integer ? 1 : Math.abs(lo) || 1);
  const positions = integer && !log ? Math.max(1, Math.round(hi - lo)) : POSITIONS;
  const fallback = clamp(r, lo, hi);
  return { type: 'slider', name, description: p.description, unsettable: p.default === undefined && p.optional === true, min: lo, max: hi, log, integer, positions, fallback };
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** The controls for a spec, in the spec's order; `exclude` leaves params out (a demo sets them itself). */
export function controlsFor(spec: ParamsSpec, options: { hints?: Record<string, RangeHint>; exclude?: readonly string[]; values?: Record<string, unknown> } = {}): Control[] {
  const out: Control[] = [];
  for (const [name, p] of Object.entries(spec)) {
    if (options.exclude?.includes(name)) continue;
    const current = options.values?.[name];
    const unsettable = p.default === undefined && p.optional === true;
    switch (p.kind) {
      case 'number':
      case 'integer':
      case 'number-or-schedule':
        out.push(sliderFor(name, p, options.hints?.[name], current));
        break;
      case 'enum':
        out.push({ type: 'select', name, description: p.description, unsettable, values: p.values, fallback: p.default ?? p.values[0] });
        break;
      case 'boolean':
        out.push({ type: 'checkbox', name, description: p.description, unsettable, fallback: p.default ?? false });
        break;
      case 'numbers':
        out.push({ type: 'list', name, description: p.description, unsettable, length: p.length, min: p.min, max: p.max, fallback: p.default ? [...p.default] : [] });
        break;
    }
  }
  return out;
}

/** Slider position (0..positions) -> value, rounded to what the slider can show (3 significant digits). */
export function positionToValue(c: SliderControl, position: number): number {
  const t = clamp(position / c.positions, 0, 1);
  let v = c.log ? Math.exp(Math.log(c.min) + t * (Math.log(c.max) - Math.log(c.min))) : c.min + t * (c.max - c.min);
  if (c.integer) return clamp(Math.round(v), Math.ceil(c.min), Math.floor(c.max));
  v = Number(v.toPrecision(3));
  return clamp(v, c.min, c.max);
}

/** Value -> nearest slider position. */
export function valueToPosition(c: SliderControl, value: number): number {
  const v = clamp(value, c.min, c.max);
  const t = c.log ? (Math.log(v) - Math.log(c.min)) / (Math.log(c.max) - Math.log(c.min)) : (v - c.min) / (c.max - c.min);
  return Math.round(t * c.positions);
}

/** A number as the controls show it. */
export function formatValue(v: unknown): string {
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(2);
  return String(Number(v.toPrecision(3)));
}

/** Parse the text of a `numbers` control: "0.9, 0.999" -> [0.9, 0.999]; null when not valid. */
export function parseList(text: string, c: ListControl): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const nums = parts.map(Number);
  if (nums.some((x) => !Number.isFinite(x))) return null;
  if (c.length !== undefined && nums.length !== c.length) return null;
  if (c.min !== undefined && nums.some((x) => x < c.min!)) return null;
  if (c.max !== undefined && nums.some((x) => x > c.max!)) return null;
  return nums;
}

/** Initial values for a spec: the given values, else the spec's defaults, else each control's fallback (unsettable ones stay unset). */
export function initialValues(spec: ParamsSpec, given: Record<string, unknown> = {}, hints?: Record<string, RangeHint>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of controlsFor(spec, { hints, values: given })) {
    if (given[c.name] !== undefined) out[c.name] = given[c.name];
    else if (spec[c.name].default !== undefined) out[c.name] = spec[c.name].default;
    else if (!c.unsettable) out[c.name] = c.fallback;
  }
  for (const [k, v] of Object.entries(given)) if (!(k in out) && v !== undefined) out[k] = v;
  return out;
}
