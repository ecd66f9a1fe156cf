import { Link, isRouteErrorResponse, useRouteError } from 'react-router'

/** Last-resort error page for render errors and failed lazy chunks (e.g. after a deploy). */
export function RouteErrorPage() {
  const error = useRouteError()
  const notFound = isRouteErrorResponse(error) && error.status === 404
  return (
    <main className="mx-auto max-w-2xl p-6">
      <h1 className="text-2xl font-semibold text-slate-900">
        {notFound ? 'Página não encontrada' : 'Ocorreu um erro inesperado'}
      </h1>
      <p className="mt-3 text-slate-700">
        {notFound ? 'O endereço que abriu não existe.' : 'Recarregue a página. Se o problema continuar, tente mais tarde.'}
      </p>
      <div className="mt-4 flex gap-4">
        {!notFound ? (
          <button type="button" className="font-medium text-brand-800 underline" onClick={() => window.location.reload()}>
            Recarregar
          </button>
        ) : null}
        <Link to="/" className="font-medium text-brand-800 underline">
          Ir para a página inicial
        </Link>
      </div>
    </main>
  )
}
