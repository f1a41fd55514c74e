import { definePlugin } from '@lab/core';
import { bceWithLogitsDefinition } from './bce-with-logits';
import { binaryCrossEntropyDefinition } from './binary-cross-entropy';
import { crammerSingerLossDefinition } from './crammer-singer';
import { crossEntropyDefinition } from './cross-entropy';
import { hingeEmbeddingLossDefinition } from './hinge-embedding';
import { hingeLossDefinition, squaredHingeLossDefinition } from './hinge';
import { huberLossDefinition } from './huber';
import { klDivDefinition } from './kl-div';
import { l1LossDefinition } from './l1';
import { mseLossDefinition } from './mse';
import { multiMarginLossDefinition } from './multi-margin';
import { nllLossDefinition } from './nll';
import { quadraticLossDefinition } from './quadratic';
import { smoothL1LossDefinition } from './smooth-l1';
import { softMarginLossDefinition } from './soft-margin';
import { zeroOneLossDefinition } from './zero-one';

/**
 * Every loss of @lab/losses as a plugin: `createRegistry().use(lossesPlugin)`, then
 * `registry.build('loss', { type: 'crossEntropy', labelSmoothing: 0.1 }).forward(logits, target)`.
 */
export const lossesPlugin = /* @__PURE__ */ definePlugin({
  meta: { name: '@lab/losses', version: '0.1.0' },
  losses: [
    zeroOneLossDefinition,
    quadraticLossDefinition,
    mseLossDefinition,
    l1LossDefinition,
    huberLossDefinition,
    smoothL1LossDefinition,
    crossEntropyDefinition,
    nllLossDefinition,
    binaryCrossEntropyDefinition,
    bceWithLogitsDefinition,
    hingeLossDefinition,
    squaredHingeLossDefinition,
    multiMarginLossDefinition,
    crammerSingerLossDefinition,
    softMarginLossDefinition,
    hingeEmbeddingLossDefinition,
    klDivDefinition,
  ],
});
