import { Link } from 'react-router'
import { PageHeading } from './PageHeading'

export function NotFoundPage() {
  return (
    <>
      <PageHeading title="Página não encontrada">O endereço que abriu não existe.</PageHeading>
      <Link to="/" className="font-medium text-brand-800 underline">
        Ir para a página inicial
      </Link>
    </>
  )
}
