/** Series colours shared by every chart (readable on the light and the dark theme). */
export const PALETTE = ['#3b82f6', '#ef4444', '#10b981', '#f59e0b', '#8b5cf6', '#ec4899', '#14b8a6', '#64748b', '#84cc16', '#f97316', '#06b6d4', '#a855f7', '#e11d48'];

export const colour = (i: number): string => PALETTE[i % PALETTE.length];
