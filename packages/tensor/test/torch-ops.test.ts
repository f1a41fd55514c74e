/**
 * The randomised PyTorch 1.13 op and gradient cases (torch-ops-cases.ts) in float64 on the js
 * backend, within rtol 1e-10.
 */
import { describe } from 'vitest';
import { torchOpCases } from './torch-ops-cases';

describe('ops and gradients match PyTorch 1.13 on random inputs (float64)', () => torchOpCases('float64'));
