/** IBM MQ releases (V.R.M.F) compared as numbers, for the knowledge functions that place a release against the data. */

/** V.R.M.F as numbers (missing parts are 0). */
export function parts(release: string): number[] {
  const p = release.split('.').map(Number);
  return [0, 1, 2, 3].map((i) => p[i] ?? 0);
}

export function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Orders two V.R.M.F releases (missing parts are 0): negative when `a` is older. */
export const compareMqReleases = (a: string, b: string): number => compare(parts(a), parts(b));
