import type { ReactNode } from 'react'
import type { UseQueryResult } from '@tanstack/react-query'
import { ErrorState, Spinner } from '@/components/ui'

export type QueryStateProps<T> = {
  query: UseQueryResult<T>
  /** Rendered when `isEmpty(data)`; every list has an empty state, never a blank page. */
  empty: ReactNode
  isEmpty?: (data: T) => boolean
  loadingLabel?: string
  errorMessage?: string
  children: (data: T) => ReactNode
}

const defaultIsEmpty = (data: unknown) => Array.isArray(data) && data.length === 0

/** Loading -> Spinner, error -> ErrorState with "Tentar novamente" (refetch), empty -> `empty`. */
export function QueryState<T>({
  query,
  empty,
  isEmpty = defaultIsEmpty,
  loadingLabel,
  errorMessage,
  children,
}: QueryStateProps<T>) {
  if (query.isPending) return <Spinner label={loadingLabel} />
  if (query.isError) {
    return <ErrorState message={errorMessage} onRetry={() => query.refetch()} retrying={query.isRefetching} />
  }
  if (isEmpty(query.data)) return <>{empty}</>
  return <>{children(query.data)}</>
}
