/**
 * `@lab/data-split/groups-plugin`: the group splitters of `@lab/data-split/groups` as
 * `defineSplitter` definitions and as one plugin, `groupSplitPlugin`. Each definition shares its
 * params spec and `create` with the plain factory of the same name (see its TSDoc for the rule,
 * defaults, errors and reference).
 */
import { groupKFoldParts } from './group-k-fold';
import { define, splitterPlugin } from './internal';
import { stratifiedGroupKFoldParts } from './stratified-group-k-fold';

/** `groupKFold` (K-fold with non-overlapping groups) as a definition. */
export const groupKFoldSplitter = /* @__PURE__ */ define(groupKFoldParts, 'K-fold with non-overlapping groups');
/** `stratifiedGroupKFold` as a definition. */
export const stratifiedGroupKFoldSplitter = /* @__PURE__ */ define(stratifiedGroupKFoldParts, 'Group K-fold keeping class proportions');

/**
 * The group splitters as a plugin, next to `dataSplitPlugin` (from `@lab/data-split/plugin`):
 *
 * @example
 * const registry = createRegistry().use(dataSplitPlugin).use(groupSplitPlugin);
 * registry.build('splitter', { type: 'groupKFold', nSplits: 3 }).split({ nSamples: 6, groups: [0, 0, 1, 1, 2, 2] });
 */
export const groupSplitPlugin = /* @__PURE__ */ splitterPlugin('@lab/data-split/groups', [groupKFoldSplitter, stratifiedGroupKFoldSplitter]);
