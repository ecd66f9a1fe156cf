import { PeopleAdmin } from '@/features/accounts/people'
import { PageHeading } from './PageHeading'

export function AdminPeoplePage() {
  return (
    <>
      <PageHeading title="Pessoas">Quem usa o Encontro, por papel e empresa. Convide pessoas novas por e-mail.</PageHeading>
      <PeopleAdmin />
    </>
  )
}
