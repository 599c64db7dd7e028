// One record read for a detail screen or a form: the record, its ETag (for If-Match), loading and
// problem; the page title follows the record. Every record of the API carries its version, which is
// also its ETag, so an answer without the header still gives the tag.
import { onMounted, ref, shallowRef, watch, type ShallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { toProblem, type Problem } from '@/api/client'
import { setPageTitle } from '@/composables/breadcrumbs'

export interface Versioned<T> {
  record: T
  etag: string
}

export function versioned<T extends { version: number }>(record: T, etag: string | null): Versioned<T> {
  return { record, etag: etag ?? `"${record.version}"` }
}

export function useRecord<T>(fetch: () => Promise<Versioned<T>>, titleOf: (record: T) => string, onLoaded?: (result: Versioned<T>) => void) {
  const record = shallowRef<T | null>(null) as ShallowRef<T | null>
  const etag = ref<string | null>(null)
  const loading = ref(false)
  const problem = ref<Problem | null>(null)

  /** Shows a newer version (after a save, a link, a status move). */
  function replace(result: Versioned<T>) {
    record.value = result.record
    etag.value = result.etag
    setPageTitle(titleOf(result.record))
  }

  async function load() {
    loading.value = true
    problem.value = null
    try {
      const result = await fetch()
      replace(result)
      onLoaded?.(result)
    } catch (error) {
      problem.value = toProblem(error)
    } finally {
      loading.value = false
    }
  }

  return { record, etag, loading, problem, load, replace }
}

/**
 * useRecord for a record's page: loads when shown, and again when its id or the language changes;
 * `onLoaded` reads what hangs on the record (a person's history). Loading from the start, so that
 * the page shows it rather than nothing before the first answer.
 */
export function useRecordPage<T>(
  id: () => string,
  fetch: (id: string) => Promise<Versioned<T>>,
  titleOf: (record: T) => string,
  onLoaded?: (result: Versioned<T>) => void,
) {
  const { locale } = useI18n()
  const state = useRecord(() => fetch(id()), titleOf, onLoaded)
  state.loading.value = true
  watch([id, locale], () => void state.load())
  onMounted(() => void state.load())
  return state
}
