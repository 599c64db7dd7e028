// The create-or-edit form of one record, as every form of the app behaves:
//  - creation sends the filled fields; an edit sends only the changed ones with If-Match;
//  - problems found before sending, and the server's field errors (422), are shown at their inputs
//    (those the form has no input for are listed, so that none is lost);
//  - a 412 (someone saved first) opens the conflict dialog: keep my input on the newer version,
//    or take theirs;
//  - leaving with unsaved changes asks first.
// A feature gives its form model (fields and how each goes on the wire) and its calls.
import { computed, onMounted, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { onBeforeRouteLeave, useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { isApiError, toProblem, type Problem } from '@/api/client'
import { mapFieldErrorsTo, type FieldErrors } from '@/composables/fieldErrors'
import { changedFieldsOf, conflictRowsOf, copyOf, mergeMineOntoLatestOf, type ConflictRow, type Wire } from '@/composables/formDiff'
import { notify } from '@/composables/notify'
import { useRecord, type Versioned } from '@/composables/record'

/** A whole number typed in a field; anything else is sent as typed (NaN) so that the server names the field. */
export function wholeNumber(value: string): number | null {
  const trimmed = String(value ?? '').trim()
  if (trimmed === '') return null
  const n = Number(trimmed)
  return Number.isInteger(n) ? n : Number.NaN
}

/** Trimmed text, or null when blank (the API clears a field with null). */
export function textOrNull(value: string): string | null {
  const trimmed = String(value ?? '').trim()
  return trimmed === '' ? null : trimmed
}

export function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value)
}

/** One error for the three titles (French, Arabic, English), shown at title_fr: typing any title settles it. */
export function titlesAlsoClear(path: string): string[] {
  return path.startsWith('title_') ? ['title_fr'] : []
}

/** The body of a creation: every field that has a value. */
export function createBodyOf<F>(fields: readonly (keyof F & string)[], wire: Wire<F>, form: F): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const field of fields) {
    const value = wire(form, field)
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue
    body[field] = value
  }
  return body
}

/** The body of an edit: the changed fields only (null clears one). */
export function patchBodyOf<F>(fields: readonly (keyof F & string)[], wire: Wire<F>, base: F, current: F): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const field of changedFieldsOf(fields, wire, base, current)) body[field] = wire(current, field)
  return body
}

export interface FormModel<F> {
  fields: readonly (keyof F & string)[]
  wire: Wire<F>
  empty: () => F
}

export interface RecordFormOptions<R, F, B> {
  id: () => string | undefined
  model: FormModel<F>
  fromRecord: (record: R) => F
  titleOf: (record: R) => string
  get: (id: string) => Promise<Versioned<R>>
  create: (body: B) => Promise<Versioned<R>>
  update: (id: number, body: B, ifMatch: string) => Promise<Versioned<R>>
  /** Route name of the record's page, shown once saved. */
  detailRoute: string
  /** Problems found before sending (required fields...), by form key. */
  check?: (form: F) => FieldErrors
  /** The form key where a server field path is shown; by default the path when it is a field. */
  errorKey?: (path: string) => string | null
  /** Other keys whose error an edit at `path` settles (one_title_required is shown at title_fr). */
  alsoClears?: (path: string) => string[]
  /** The i18n section whose `field.<name>` labels the fields (in the conflict dialog). */
  section: string
  /** How the conflict dialog shows a field's value when it is not plain text (codes, ids). */
  showField?: (field: string, value: unknown) => string | undefined
  /** What a new record's form starts with besides the empty model (the user's own institution...):
   *  the starting point of the form, so that an untouched form is not "changed". */
  initial?: () => Partial<F>
  /** True to stay on the form once created (the person form shows the possible duplicates first). */
  stayAfterCreate?: () => boolean
}

export function useRecordForm<R extends { id: number }, F, B>(options: RecordFormOptions<R, F, B>) {
  const { t, te } = useI18n()
  const router = useRouter()
  const { fields, wire, empty } = options.model

  const editing = computed(() => options.id() !== undefined)
  const base = ref(empty()) as Ref<F>
  const form = ref(empty()) as Ref<F>
  const saving = ref(false)
  const saveProblem = ref<Problem | null>(null)
  const fieldErrors = ref<FieldErrors>({})
  const otherErrors = ref<string[]>([])
  const saved = ref(false)
  const conflictOpen = ref(false)
  const conflict = shallowRef(null) as ShallowRef<{ rows: ConflictRow[]; latest: Versioned<R> } | null>
  const conflictRows = computed(() => conflict.value?.rows ?? [])

  const current = useRecord(
    () => options.get(options.id()!),
    options.titleOf,
    ({ record }) => {
      base.value = options.fromRecord(record)
      form.value = options.fromRecord(record)
    },
  )
  const dirty = computed(() => changedFieldsOf(fields, wire, base.value, form.value).length > 0)
  const errorKey = options.errorKey ?? ((path: string) => ((fields as readonly string[]).includes(path) ? path : null))

  function load() {
    if (options.id() === undefined) {
      const start = () => ({ ...empty(), ...(options.initial?.() ?? {}) })
      base.value = start()
      form.value = start()
      return Promise.resolve()
    }
    return current.load()
  }

  function errorsAt(path: string): string[] {
    return fieldErrors.value[path] ?? []
  }

  function clearFieldError(path: string) {
    const next = { ...fieldErrors.value }
    for (const key of [path, ...(options.alsoClears?.(path) ?? [])]) delete next[key]
    fieldErrors.value = next
  }

  /** Binds an input to its errors; an edit clears the error shown there. */
  function field(path: string) {
    return { errorMessages: errorsAt(path), 'onUpdate:modelValue': () => clearFieldError(path) }
  }

  function show(versionedRecord: Versioned<R>) {
    current.replace(versionedRecord)
    base.value = options.fromRecord(versionedRecord.record)
  }

  function closeConflict() {
    conflictOpen.value = false
    conflict.value = null
    saveProblem.value = null
  }

  function keepMine() {
    if (!conflict.value) return
    const latest = options.fromRecord(conflict.value.latest.record)
    form.value = mergeMineOntoLatestOf(fields, wire, base.value, form.value, latest)
    show(conflict.value.latest)
    closeConflict()
    notify(t('conflict.reloaded'), 'info')
  }

  function takeTheirs() {
    if (!conflict.value) return
    show(conflict.value.latest)
    form.value = copyOf(base.value)
    closeConflict()
  }

  async function openConflict(id: string) {
    const latest = await options.get(id)
    conflict.value = { rows: conflictRowsOf(fields, wire, base.value, form.value, options.fromRecord(latest.record)), latest }
    conflictOpen.value = true
  }

  async function save() {
    saveProblem.value = null
    otherErrors.value = []
    const local = options.check?.(form.value) ?? {}
    fieldErrors.value = local
    if (Object.keys(local).length) return
    const id = options.id()
    saving.value = true
    try {
      if (id === undefined) {
        const { record } = await options.create(createBodyOf(fields, wire, form.value) as B)
        saved.value = true
        notify(t('common.created'))
        if (options.stayAfterCreate?.()) return
        await router.push({ name: options.detailRoute, params: { id: record.id } })
        return
      }
      if (!dirty.value) {
        saved.value = true
        await router.push({ name: options.detailRoute, params: { id } })
        return
      }
      const updated = await options.update(Number(id), patchBodyOf(fields, wire, base.value, form.value) as B, current.etag.value ?? '')
      show(updated)
      form.value = copyOf(base.value)
      saved.value = true
      notify(t('common.saved'))
      await router.push({ name: options.detailRoute, params: { id } })
    } catch (error) {
      if (isApiError(error) && (error.status === 412 || error.status === 428)) {
        try {
          await openConflict(id!)
        } catch (reloadError) {
          saveProblem.value = toProblem(reloadError)
        }
      } else if (isApiError(error) && error.status === 422) {
        const mapped = mapFieldErrorsTo(error.problem, t, te, errorKey)
        fieldErrors.value = mapped.fields
        otherErrors.value = mapped.other
        saveProblem.value = error.problem
      } else {
        saveProblem.value = toProblem(error)
      }
    } finally {
      saving.value = false
    }
  }

  onBeforeRouteLeave(() => {
    if (saved.value || !dirty.value) return true
    return window.confirm(t('common.unsavedChanges'))
  })
  watch(options.id, () => void load())
  onMounted(() => void load())

  /** The conflict dialog's field names and values. */
  function fieldLabel(name: string): string {
    const key = `${options.section}.field.${name}`
    return te(key) ? t(key) : name
  }
  function showValue(name: string, value: unknown): string {
    if (value === null || value === undefined || value === '') return t('common.none')
    return options.showField?.(name, value) ?? String(value)
  }

  /** The state <RecordFormCard> shows (v-bind="frame"). */
  const frame = computed(() => ({
    editing: editing.value,
    loading: current.loading.value,
    loadProblem: current.problem.value,
    saveProblem: saveProblem.value,
    otherErrors: otherErrors.value,
    saving: saving.value,
    conflict: {
      open: conflictOpen.value,
      rows: conflictRows.value,
      label: fieldLabel,
      show: showValue,
      setOpen: (open: boolean) => (conflictOpen.value = open),
      keepMine,
      takeTheirs,
    },
  }))

  return {
    frame,
    editing,
    record: current.record,
    loading: current.loading,
    loadProblem: current.problem,
    load,
    form,
    base,
    dirty,
    saving,
    saveProblem,
    fieldErrors,
    otherErrors,
    errorsAt,
    clearFieldError,
    field,
    save,
    conflictOpen,
    conflictRows,
    fieldLabel,
    showValue,
    keepMine,
    takeTheirs,
  }
}
