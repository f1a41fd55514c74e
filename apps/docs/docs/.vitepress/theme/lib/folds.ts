/** Class counts (class 0, class 1, ...) of the samples a fold's indices pick. */
export function foldClassCounts(indices: ArrayLike<number>, y: readonly number[]): number[] {
  const k = Math.max(...y) + 1;
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < indices.length; i++) counts[y[indices[i]]] += 1;
  return counts;
}
