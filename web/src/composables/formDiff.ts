// What a user changed in a form, and what to do when someone else saved first (412): the rows the
// conflict dialog shows and "keep my input" laid on the newer version. Generic over a form model
// whose fields are compared as the request body would carry them (`wire`).

/** One field the user changed: what they typed and what is stored now. */
export interface ConflictRow {
  field: string
  mine: unknown
  theirs: unknown
}

export type Wire<F> = (form: F, field: keyof F & string) => unknown

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

export function changedFieldsOf<F>(fields: readonly (keyof F & string)[], wire: Wire<F>, base: F, current: F): (keyof F & string)[] {
  return fields.filter((field) => !same(wire(base, field), wire(current, field)))
}

export function conflictRowsOf<F>(fields: readonly (keyof F & string)[], wire: Wire<F>, base: F, mine: F, latest: F): ConflictRow[] {
  return changedFieldsOf(fields, wire, base, mine)
    .filter((field) => !same(wire(mine, field), wire(latest, field)))
    .map((field) => ({ field, mine: wire(mine, field), theirs: wire(latest, field) }))
}

/** The newer version with the user's own changes on top (a deep copy of each changed field). */
/** A deep copy of plain form data (structuredClone refuses Vue's reactive proxies). */
export function copyOf<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T)
}

export function mergeMineOntoLatestOf<F>(fields: readonly (keyof F & string)[], wire: Wire<F>, base: F, mine: F, latest: F): F {
  const merged = copyOf(latest)
  for (const field of changedFieldsOf(fields, wire, base, mine)) {
    merged[field] = copyOf(mine[field])
  }
  return merged
}
