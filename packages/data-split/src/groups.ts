/**
 * `@lab/data-split/groups`: the group-aware K-fold splitters (`groupKFold`, `stratifiedGroupKFold`),
 * which take `input.groups` and never put a group on both sides of a fold. A separate entry point
 * so that code that does not split by groups does not ship their greedy fold-balancing code.
 */
export { groupKFold } from './group-k-fold';
export { stratifiedGroupKFold } from './stratified-group-k-fold';
