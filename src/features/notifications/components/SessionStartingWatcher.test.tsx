import { act, render, waitFor } from '@testing-library/react'
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'
import { sessionKeys } from '@/features/sessions/basics'
import SessionStartingWatcher from './SessionStartingWatcher'

vi.mock('@/lib/supabase', () => ({ supabase: {} }))

const KEY = sessionKeys.list({ role: 'user', userId: 'u1' })

function ListPage({ fetchList }: { fetchList: () => Promise<unknown[]> }) {
  useQuery({ queryKey: KEY, queryFn: fetchList })
  return null
}

describe('SessionStartingWatcher', () => {
  it('an invalidation with the watcher mounted refetches with the list\'s own queryFn (no "Missing queryFn")', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const fetchList = vi.fn(async () => [])
    render(
      <QueryClientProvider client={queryClient}>
        <ListPage fetchList={fetchList} />
        <SessionStartingWatcher userId="u1" />
      </QueryClientProvider>,
    )
    await waitFor(() => expect(fetchList).toHaveBeenCalledTimes(1))
    // What the bell does when a notification arrives (the employee's list no longer polls).
    await act(() => queryClient.invalidateQueries({ queryKey: sessionKeys.all }))
    await waitFor(() => expect(fetchList).toHaveBeenCalledTimes(2))
    expect(queryClient.getQueryState(KEY)?.status).toBe('success')
    expect(queryClient.getQueryState(KEY)?.error).toBeNull()
  })
})
