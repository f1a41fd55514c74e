import { definePlugin } from '@lab/core';
import { bootstrapSplitter } from './bootstrap';
import { groupKFoldSplitter } from './group-k-fold';
import { kFoldSplitter } from './k-fold';
import { leaveOneOutSplitter, leavePOutSplitter } from './leave-out';
import { predefinedSplitSplitter } from './predefined-split';
import { repeatedKFoldSplitter, repeatedStratifiedKFoldSplitter } from './repeated';
import { shuffleSplitSplitter, stratifiedShuffleSplitSplitter } from './shuffle-split';
import { stratifiedGroupKFoldSplitter } from './stratified-group-k-fold';
import { stratifiedKFoldSplitter } from './stratified-k-fold';
import { timeSeriesSplitSplitter } from './time-series-split';
import { trainTestSplitSplitter } from './train-test-split';

/**
 * Every splitter of @lab/data-split as a plugin: `createRegistry().use(dataSplitPlugin)`, then
 * `registry.build('splitter', { type: 'kFold', nSplits: 5 })`.
 */
export const dataSplitPlugin = /* @__PURE__ */ definePlugin({
  meta: { name: '@lab/data-split', version: '0.1.0' },
  splitters: [
    trainTestSplitSplitter,
    kFoldSplitter,
    stratifiedKFoldSplitter,
    repeatedKFoldSplitter,
    repeatedStratifiedKFoldSplitter,
    groupKFoldSplitter,
    stratifiedGroupKFoldSplitter,
    leaveOneOutSplitter,
    leavePOutSplitter,
    shuffleSplitSplitter,
    stratifiedShuffleSplitSplitter,
    timeSeriesSplitSplitter,
    predefinedSplitSplitter,
    bootstrapSplitter,
  ],
});
