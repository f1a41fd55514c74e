import type { Command } from 'commander';
import type { Context } from '../context';

/** train, compare, cv, tune, bias-variance, lr-find, metrics: written against @lab/train. */
export function registerTrainCommands(_program: Command, _ctx: Context, _argv: readonly string[]): void {}
