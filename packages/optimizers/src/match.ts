import { InvalidArgumentError } from '@lab/core';
import type { NameMatcher } from './types';

/** A predicate for a `NameMatcher` (glob string, RegExp, list of names, or predicate). */
export function nameMatcher(m: NameMatcher): (name: string) => boolean {
  if (typeof m === 'function') return m;
  if (m instanceof RegExp) return (n) => n.search(m) >= 0;
  if (Array.isArray(m)) return (n) => m.includes(n);
  if (typeof m === 'string') {
    // `*` → `.*`, `?` → `.`, every other non-word character escaped (an identity escape without the u flag)
    const re = new RegExp(`^${m.replace(/\W/g, (c) => (c === '*' ? '.*' : c === '?' ? '.' : `\\${c}`))}$`);
    return (n) => re.test(n);
  }
  throw new InvalidArgumentError('match', m, 'a glob, RegExp, names or predicate');
}
