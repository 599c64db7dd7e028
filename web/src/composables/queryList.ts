// A server-paginated list whose search, filters, sort and page live in the URL, so that a list can
// be shared and comes back as it was: read from the route once, written back (replace) on every
// change. A change of search, filter or page size goes back to page 1; any change, or a change of
// language, reloads.
import { computed, onMounted, reactive, ref, watch } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import { useI18n } from 'vue-i18n'
import type { Problem } from '@/api/client'
import { useDebounced } from '@/composables/debounce'
import { usePagedList, type PageOf, type Paging } from '@/composables/pagedList'

export type SortItem = { key: string; order?: 'asc' | 'desc' | boolean }

export interface ListCardState {
  table: ReturnType<typeof usePagedList>['table']['value']
  problem: Problem | null
  total: number
  filtered: boolean
  search: string
  sortBy: SortItem[]
  setSearch: (value: string | null) => void
  setSortBy: (value: SortItem[]) => void
  retry: () => void
  reset: () => void
  /** The search, filters and order without paging: what an export of the list takes. */
  criteria: Record<string, string | undefined>
}

export interface ListQuery extends Paging {
  q?: string
  sort: string
  [filter: string]: string | number | undefined
}

export interface QueryListOptions<T, K extends string> {
  /** Filters besides the search, each with the values it accepts from the URL (any when absent). */
  filters: Record<K, readonly string[] | null>
  /** A filter's value when the URL has none (organisations: archived=false). It is always sent,
   *  left out of the URL, does not count as filtering, and is what "reset the filters" comes back to. */
  defaults?: Partial<Record<K, string>>
  /** Sort keys the server accepts (without the minus sign); defaultSort may carry one. */
  sorts: readonly string[]
  defaultSort: string
  fetch: (query: ListQuery, signal: AbortSignal) => Promise<PageOf<T>>
  defaultPageSize?: number
}

const kPageSize = 25

function text(query: LocationQuery, key: string): string {
  const value = query[key]
  return typeof value === 'string' ? value : ''
}

function positive(value: string, fallback: number): number {
  const n = Number.parseInt(value, 10)
  return Number.isFinite(n) && n > 0 ? n : fallback
}

export function parseSort(value: string, sorts: readonly string[], fallback: string): SortItem[] {
  const chosen = sorts.includes(value.replace(/^-/, '')) ? value : fallback
  return [{ key: chosen.replace(/^-/, ''), order: chosen.startsWith('-') ? 'desc' : 'asc' }]
}

export function useQueryList<T, K extends string>(options: QueryListOptions<T, K>) {
  const route = useRoute()
  const router = useRouter()
  const { locale } = useI18n()
  const pageSize = options.defaultPageSize ?? kPageSize
  const initial = route.query
  const names = Object.keys(options.filters) as K[]
  const defaultOf = (name: K): string | null => options.defaults?.[name] ?? null

  const search = ref(text(initial, 'q'))
  const debouncedSearch = useDebounced(search, 350)
  const filters = reactive({} as Record<K, string | null>) as Record<K, string | null>
  for (const name of names) {
    const value = text(initial, name)
    const allowed = options.filters[name]
    filters[name] = value && (!allowed || allowed.includes(value)) ? value : defaultOf(name)
  }
  const sortBy = ref<SortItem[]>(parseSort(text(initial, 'sort'), options.sorts, options.defaultSort))
  const sort = computed(() => {
    const first = sortBy.value[0]
    if (!first) return options.defaultSort
    return first.order === 'desc' ? `-${first.key}` : first.key
  })
  const filtered = computed(() => !!debouncedSearch.value || names.some((name) => !!filters[name] && filters[name] !== defaultOf(name)))

  const list = usePagedList<T>(
    (paging, signal) => {
      const query: ListQuery = { sort: sort.value, ...paging, q: debouncedSearch.value.trim() || undefined }
      for (const name of names) query[name] = filters[name] ?? undefined
      return options.fetch(query, signal)
    },
    { page: positive(text(initial, 'page'), 1), itemsPerPage: positive(text(initial, 'size'), pageSize) },
  )
  const { page, itemsPerPage, load } = list

  function syncUrl() {
    const query: Record<string, string> = {}
    if (debouncedSearch.value) query.q = debouncedSearch.value
    for (const name of names) if (filters[name] && filters[name] !== defaultOf(name)) query[name] = filters[name]!
    if (page.value > 1) query.page = String(page.value)
    if (itemsPerPage.value !== pageSize) query.size = String(itemsPerPage.value)
    if (sort.value !== options.defaultSort) query.sort = sort.value
    void router.replace({ query })
  }

  function resetFilters() {
    search.value = ''
    for (const name of names) filters[name] = defaultOf(name)
  }

  const criteria = () => [debouncedSearch.value, ...names.map((name) => filters[name]), itemsPerPage.value]
  watch(criteria, () => {
    page.value = 1
  })
  watch([criteria, page, sort], () => {
    syncUrl()
    void load()
  })
  watch(locale, () => void load())
  onMounted(() => void load())

  /** What <ListCard> shows and changes (:list="card"). */
  const card = computed<ListCardState>(() => ({
    table: list.table.value,
    problem: list.problem.value,
    total: list.total.value,
    filtered: filtered.value,
    search: search.value,
    sortBy: sortBy.value,
    setSearch: (value: string | null) => (search.value = value ?? ''),
    setSortBy: (value: SortItem[]) => (sortBy.value = value),
    retry: () => void load(),
    reset: resetFilters,
    criteria: {
      q: debouncedSearch.value.trim() || undefined,
      ...Object.fromEntries(names.map((name) => [name, filters[name] ?? undefined])),
      sort: sort.value,
    },
  }))

  return { ...list, card, search, debouncedSearch, filters, sortBy, sort, filtered, resetFilters }
}
