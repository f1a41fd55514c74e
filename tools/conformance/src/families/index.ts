import type { Handlers } from '../types';
import { handlers as losses } from './losses';
import { handlers as metrics } from './metrics';
import { handlers as optimizers } from './optimizers';
import { handlers as schedules } from './schedules';
import { handlers as splits } from './splits';

/** Handlers for each fixture family, keyed by the family (fixture file) name. */
export const families: Record<string, Handlers> = { losses, metrics, optimizers, schedules, splits };
