// Loading lists from the server. Each load aborts the one before it, and only the latest load may
// write its answer, so a slow, stale answer never overwrites a newer one (even when the request
// does not honour the abort signal). A failed load leaves a problem and the empty value.
import { computed, ref, shallowRef, watch, type ShallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { toProblem, type Problem } from '@/api/client'
import { useDebounced } from '@/composables/debounce'

export interface Paging {
  limit: number
  offset: number
}

export interface PageOf<T> {
  items: T[]
  total: number
}

function isAbort(error: unknown): boolean {
  return (error as Error)?.name === 'AbortError'
}

/** The latest answer of `fetch`, with its loading state and problem. */
export function useLatest<T>(fetch: (signal: AbortSignal) => Promise<T>, empty: () => T) {
  const data = shallowRef<T>(empty()) as ShallowRef<T>
  const loading = ref(false)
  const problem = ref<Problem | null>(null)
  let controller: AbortController | null = null

  async function load() {
    controller?.abort()
    const current = new AbortController()
    controller = current
    loading.value = true
    problem.value = null
    try {
      const result = await fetch(current.signal)
      if (controller !== current) return
      data.value = result
    } catch (error) {
      if (controller !== current || isAbort(error)) return
      problem.value = toProblem(error)
      data.value = empty()
    } finally {
      if (controller === current) loading.value = false
    }
  }

  return { data, loading, problem, load }
}

/**
 * A server-paginated list: page and page size, the page's items and the total. `table` binds them
 * all to a <v-data-table-server> (v-bind="table"), two-way for page and page size.
 */
export function usePagedList<T>(
  fetchPage: (paging: Paging, signal: AbortSignal) => Promise<PageOf<T>>,
  initial: { page?: number; itemsPerPage?: number } = {},
) {
  const page = ref(initial.page ?? 1)
  const itemsPerPage = ref(initial.itemsPerPage ?? 25)
  const { data, loading, problem, load } = useLatest<PageOf<T>>(
    (signal) => fetchPage({ limit: itemsPerPage.value, offset: (page.value - 1) * itemsPerPage.value }, signal),
    () => ({ items: [], total: 0 }),
  )
  const items = computed(() => data.value.items)
  const total = computed(() => data.value.total)
  const table = computed(() => ({
    page: page.value,
    itemsPerPage: itemsPerPage.value,
    items: items.value,
    itemsLength: total.value,
    loading: loading.value,
    'onUpdate:page': (value: number) => (page.value = value),
    'onUpdate:itemsPerPage': (value: number) => (itemsPerPage.value = value),
  }))
  return { page, itemsPerPage, items, total, loading, problem, load, table }
}

/**
 * A short list the server answers whole (no paging), searched as the user types: the search box's
 * text, debounced, goes to the server as `q`; the list reloads when the text or the language
 * changes. Used by the small reference screens (action types, cooperation domains).
 */
export function useSearchedList<T>(fetch: (q: string, signal: AbortSignal) => Promise<T[]>, delay = 300) {
  const { locale } = useI18n()
  const search = ref('')
  const debouncedSearch = useDebounced(search, delay)
  const { data: items, loading, problem, load } = useLatest(
    (signal) => fetch(debouncedSearch.value.trim(), signal),
    (): T[] => [],
  )
  const total = computed(() => items.value.length)
  watch([debouncedSearch, locale], load, { immediate: true })
  return { search, debouncedSearch, items, total, loading, problem, load }
}

