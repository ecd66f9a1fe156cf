import { Button } from './Button'

export type ErrorStateProps = {
  message?: string
  /** Usually a query's `refetch`. When absent, no retry button is shown. */
  onRetry?: () => unknown
  retrying?: boolean
}

export function ErrorState({
  message = 'Não foi possível carregar os dados.',
  onRetry,
  retrying = false,
}: ErrorStateProps) {
  return (
    <div role="alert" className="flex flex-col items-start gap-3 rounded-lg border border-red-200 bg-red-50 p-4 text-red-900">
      <p>{message}</p>
      {onRetry ? (
        <Button variant="secondary" size="sm" onClick={() => void onRetry()} disabled={retrying}>
          {retrying ? 'A tentar...' : 'Tentar novamente'}
        </Button>
      ) : null}
    </div>
  )
}
