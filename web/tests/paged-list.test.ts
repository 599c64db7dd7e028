import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/client'
import { usePagedList, type PageOf, type Paging } from '@/composables/pagedList'

/** A request the test answers by hand, in any order; like a server that ignores the abort. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((yes, no) => {
    resolve = yes
    reject = no
  })
  return { promise, resolve, reject }
}

function pendingRequests() {
  const requests: { paging: Paging; signal: AbortSignal; answer: ReturnType<typeof deferred<PageOf<string>>> }[] = []
  const fetchPage = (paging: Paging, signal: AbortSignal) => {
    const answer = deferred<PageOf<string>>()
    requests.push({ paging, signal, answer })
    return answer.promise
  }
  return { requests, fetchPage }
}

describe('usePagedList', () => {
  it('asks for the page and page size as limit and offset', async () => {
    const { requests, fetchPage } = pendingRequests()
    const list = usePagedList(fetchPage, { page: 3, itemsPerPage: 10 })
    const done = list.load()
    expect(list.loading.value).toBe(true)
    expect(requests[0].paging).toEqual({ limit: 10, offset: 20 })
    requests[0].answer.resolve({ items: ['a', 'b'], total: 22 })
    await done
    expect(list.items.value).toEqual(['a', 'b'])
    expect(list.total.value).toBe(22)
    expect(list.table.value).toMatchObject({ page: 3, itemsPerPage: 10, items: ['a', 'b'], itemsLength: 22, loading: false })
  })

  it('never lets a slower, earlier answer overwrite a later one', async () => {
    const { requests, fetchPage } = pendingRequests()
    const list = usePagedList(fetchPage)
    const first = list.load()
    list.page.value = 2
    const second = list.load()
    expect(requests[0].signal.aborted).toBe(true)
    expect(requests[1].signal.aborted).toBe(false)

    requests[1].answer.resolve({ items: ['page 2'], total: 30 })
    await second
    expect(list.loading.value).toBe(false)
    requests[0].answer.resolve({ items: ['page 1'], total: 99 })
    await first

    expect(list.items.value).toEqual(['page 2'])
    expect(list.total.value).toBe(30)
    expect(list.loading.value).toBe(false)
  })

  it('keeps loading until the latest request answers, and ignores an earlier failure', async () => {
    const { requests, fetchPage } = pendingRequests()
    const list = usePagedList(fetchPage)
    const first = list.load()
    const second = list.load()
    requests[0].answer.reject(new TypeError('Failed to fetch'))
    await first
    expect(list.loading.value).toBe(true)
    expect(list.problem.value).toBeNull()

    requests[1].answer.resolve({ items: ['fresh'], total: 1 })
    await second
    expect(list.loading.value).toBe(false)
    expect(list.problem.value).toBeNull()
    expect(list.items.value).toEqual(['fresh'])
  })

  it('on an error, gives the problem and empties the list; the next load clears the problem', async () => {
    const { requests, fetchPage } = pendingRequests()
    const list = usePagedList(fetchPage)
    const ok = list.load()
    requests[0].answer.resolve({ items: ['a'], total: 1 })
    await ok

    const failed = list.load()
    requests[1].answer.reject(new ApiError({ status: 503, code: 'unavailable', title: 'Unavailable' }))
    await failed
    expect(list.problem.value).toMatchObject({ status: 503, code: 'unavailable' })
    expect(list.items.value).toEqual([])
    expect(list.total.value).toBe(0)
    expect(list.loading.value).toBe(false)

    const retried = list.load()
    expect(list.problem.value).toBeNull()
    requests[2].answer.resolve({ items: ['b'], total: 1 })
    await retried
    expect(list.items.value).toEqual(['b'])
  })

  it('updates page and page size from the table', () => {
    const list = usePagedList(pendingRequests().fetchPage)
    list.table.value['onUpdate:page'](4)
    list.table.value['onUpdate:itemsPerPage'](50)
    expect(list.page.value).toBe(4)
    expect(list.itemsPerPage.value).toBe(50)
  })
})
