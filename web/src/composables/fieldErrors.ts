// Maps the `errors[]` of a validation problem to the inputs of a form.
// The server names fields as in the JSON body: "name_fr", "contacts[0].email". The form keys its
// inputs with dots ("contacts.0.email"); other spellings (JSON pointers) are accepted too.
import type { Problem } from '@/api/client'

export type FieldErrors = Record<string, string[]>

type Translate = (key: string, params?: Record<string, unknown>) => string
type HasKey = (key: string) => boolean

export function normaliseFieldPath(field: string): string {
  return field
    .trim()
    .replace(/^#?\//, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+|\.+$/g, '')
}

export interface MappedFieldErrors {
  /** Messages by form key, shown at their inputs. */
  fields: FieldErrors
  /** Messages for fields the form does not show (so they are not lost). */
  other: string[]
}

export function fieldMessage(error: { code: string; message?: string }, t: Translate, te: HasKey): string {
  if (error.message) return error.message
  const key = `fieldErrors.${error.code}`
  return te(key) ? t(key) : t('errors.fieldFallback')
}

export function mapFieldErrors(
  problem: Problem | null,
  t: Translate,
  te: HasKey,
  isKnownField: (path: string) => boolean,
): MappedFieldErrors {
  const result: MappedFieldErrors = { fields: {}, other: [] }
  if (!problem?.errors) return result
  for (const error of problem.errors) {
    const path = normaliseFieldPath(error.field ?? '')
    const message = fieldMessage(error, t, te)
    if (path && isKnownField(path)) {
      ;(result.fields[path] ??= []).push(message)
    } else {
      result.other.push(path ? `${path}: ${message}` : message)
    }
  }
  return result
}

/**
 * Like mapFieldErrors, for forms where several server paths land on one input (sdg_targets[3] at
 * the SDG input): `keyOf` gives the form key of a path, or null when the form has no such input.
 */
export function mapFieldErrorsTo(problem: Problem | null, t: Translate, te: HasKey, keyOf: (path: string) => string | null): MappedFieldErrors {
  const result: MappedFieldErrors = { fields: {}, other: [] }
  if (!problem?.errors) return result
  for (const error of problem.errors) {
    const path = normaliseFieldPath(error.field ?? '')
    const message = fieldMessage(error, t, te)
    const key = path ? keyOf(path) : null
    if (key) (result.fields[key] ??= []).push(message)
    else result.other.push(path ? `${path}: ${message}` : message)
  }
  return result
}
