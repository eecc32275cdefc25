import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reference scenarios, copied from shared/scenarios into the project's own fixtures. */
export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'scenarios');

export function loadScenario<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as T;
}

const DAY = 86_400_000;

/** Resolves the fixture notations: "+30d" (relative to now) and "x*5000" (repetition). */
export function resolveValue(v: unknown, now: number): unknown {
  if (typeof v !== 'string') return v;
  const rel = /^([+-]\d+)d$/.exec(v);
  if (rel) return new Date(now + Number(rel[1]) * DAY).toISOString();
  const rep = /^(.)\*(\d+)$/.exec(v);
  if (rep) return rep[1]!.repeat(Number(rep[2]));
  return v;
}

export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let o = obj;
  for (const p of parts.slice(0, -1)) {
    o[p] ??= {};
    o = o[p] as Record<string, unknown>;
  }
  o[parts.at(-1)!] = value;
}

export interface BadCase {
  id: string;
  agency: string;
  set?: Record<string, unknown>;
  unset?: string[];
  mutate?: string;
  code: string;
}

/** The signal JSON of one bad-input case: base with `set` and `unset` applied, observedAt now. */
export function badCaseSignal(
  base: Record<string, unknown>,
  c: BadCase,
  now: number,
  signalId: string,
): Record<string, unknown> {
  const s = structuredClone(base);
  s.signalId = signalId;
  s.observedAt = new Date(now - 60_000).toISOString();
  for (const [k, v] of Object.entries(c.set ?? {})) setPath(s, k, resolveValue(v, now));
  for (const k of c.unset ?? []) delete s[k];
  return s;
}

/** A scenario step's signal with `daysAgo` resolved against now. */
export function stepSignal(
  step: { daysAgo: number; signal: Record<string, unknown> },
  now: number,
): Record<string, unknown> {
  return { ...step.signal, observedAt: new Date(now - step.daysAgo * DAY).toISOString() };
}
