// Types
export type * from './types';
export type { LossOptions } from './internal';
export type { L2Options, ElasticNetOptions } from './regularizers';
export type { Penalty, StructuralRiskOptions } from './structural-risk';

// Evaluation
export { zeroOneLoss, zeroOneLossDefinition } from './zero-one';

// Regression
export { quadraticLoss, quadraticLossDefinition } from './quadratic';
export { mseLoss, mseLossDefinition } from './mse';
export { l1Loss, maeLoss, l1LossDefinition } from './l1';
export { huberLoss, huberLossDefinition } from './huber';
export { smoothL1Loss, smoothL1LossDefinition } from './smooth-l1';

// Classification: probabilistic
export { crossEntropy, crossEntropyDefinition } from './cross-entropy';
export { nllLoss, nllLossDefinition } from './nll';
export { binaryCrossEntropy, binaryCrossEntropyDefinition } from './binary-cross-entropy';
export { bceWithLogits, bceWithLogitsDefinition } from './bce-with-logits';
export { klDiv, klDivDefinition } from './kl-div';

// Classification: margin
export { hingeLoss, hingeLossDefinition, squaredHingeLoss, squaredHingeLossDefinition } from './hinge';
export { multiMarginLoss, multiMarginLossDefinition } from './multi-margin';
export { crammerSingerLoss, crammerSingerLossDefinition } from './crammer-singer';
export { softMarginLoss, softMarginLossDefinition } from './soft-margin';
export { hingeEmbeddingLoss, hingeEmbeddingLossDefinition } from './hinge-embedding';

// Regularisers and structural risk
export { selectParameters, l1Penalty, l2Penalty, elasticNetPenalty } from './regularizers';
export { structuralRisk } from './structural-risk';

// Plugin
export { lossesPlugin } from './plugin';
