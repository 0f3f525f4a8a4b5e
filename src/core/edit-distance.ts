/**
 * Whether two texts differ by exactly one edit: one character inserted, removed or replaced, or two neighbouring
 * characters swapped (`SVRCONN` / `SRVCONN`). Equal texts are not one edit apart.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i);
  const restB = b.slice(i);
  if (a.length === b.length) {
    // Replaced, or swapped with the next character.
    if (restA.slice(1) === restB.slice(1)) return true;
    return restA.length >= 2 && restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2);
  }
  // Inserted or removed.
  return a.length > b.length ? restA.slice(1) === restB : restB.slice(1) === restA;
}
