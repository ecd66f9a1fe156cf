import { useQuery } from '@tanstack/react-query'
import { Badge, Card, EmptyState } from '@/components/ui'
import { QueryState } from '@/components/QueryState'
import { PILLAR_LABELS, type Pillar } from '@/features/sessions/lib/labels'
import { fetchPeople, peopleKeys, type PeopleData } from '../api/people-api'
import { groupPeople } from '../lib/people'
import { InviteForm } from './InviteForm'
import { PersonActions } from './PersonActions'

/** The admin's "Pessoas": everyone by role and company/área, invitations, resend and revoke. */
export function PeopleAdmin() {
  const query = useQuery({ queryKey: peopleKeys.all, queryFn: () => fetchPeople((p) => PILLAR_LABELS[p as Pillar] ?? p) })
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="invite-title" className="flex flex-col gap-3">
        <h2 id="invite-title" className="text-lg font-semibold text-slate-800">
          Convidar pessoa
        </h2>
        <Card>
          <InviteForm companies={query.data?.companies ?? []} />
        </Card>
      </section>
      <QueryState query={query} isEmpty={(d: PeopleData) => d.profiles.length === 0} empty={<EmptyState title="Ainda não há pessoas." />} errorMessage="Não foi possível carregar as pessoas.">
        {(data) => {
          const companies = new Map(data.companies.map((c) => [c.id, c.name]))
          return groupPeople(data.profiles, data.auth, companies, data.areas).map((section) => (
            <section key={section.role} aria-labelledby={`people-${section.role}`} className="flex flex-col gap-3">
              <h2 id={`people-${section.role}`} className="text-lg font-semibold text-slate-800">
                {section.title} <span className="text-base font-normal text-slate-600">({section.people.length})</span>
              </h2>
              {section.people.length === 0 ? (
                <p className="text-sm text-slate-600">Ninguém com este papel.</p>
              ) : (
                <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
                  {section.people.map((person) => (
                    <li key={person.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
                      <div className="min-w-0">
                        <p className="font-medium text-slate-900">
                          {person.name}{' '}
                          {person.status === 'pending' ? <Badge tone="warning">Convite pendente</Badge> : null}
                        </p>
                        <p className="break-all text-sm text-slate-600">{person.email}</p>
                        {person.detail ? <p className="text-sm text-slate-600">{person.detail}</p> : null}
                      </div>
                      {person.status === 'pending' ? <PersonActions person={person} /> : null}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))
        }}
      </QueryState>
    </div>
  )
}
