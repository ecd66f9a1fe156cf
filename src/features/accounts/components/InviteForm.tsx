import { useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button, FormAlert, Input, Select, useToast } from '@/components/ui'
import { roleLabel } from '@/features/auth'
import { PILLAR_LABELS } from '@/features/sessions/lib/labels'
import { invitePerson, peopleKeys } from '../api/people-api'
import { ROLE_SECTIONS, validateInvite, type InviteErrors, type InviteValues, type Pillar, type Role } from '../lib/people'

const EMPTY: InviteValues = { email: '', name: '', role: '', companyId: '', pillar: '' }
const ROLE_OPTIONS = ROLE_SECTIONS.map((s) => ({ value: s.role, label: roleLabel(s.role) }))
const PILLAR_OPTIONS = Object.entries(PILLAR_LABELS).map(([value, label]) => ({ value, label }))

/** Invite a person by e-mail, with their role, company (employees) or área (prestadores). */
export function InviteForm({ companies }: { companies: { id: string; name: string }[] }) {
  const [values, setValues] = useState<InviteValues>(EMPTY)
  const [errors, setErrors] = useState<InviteErrors>({})
  const toast = useToast()
  const queryClient = useQueryClient()
  const mutation = useMutation({
    mutationFn: invitePerson,
    onSuccess: (_, sent) => {
      toast.show(`Convite enviado para ${sent.email.trim()}.`, 'success')
      setValues(EMPTY)
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all })
    },
  })
  const set = (patch: Partial<InviteValues>) => setValues((v) => ({ ...v, ...patch }))

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (mutation.isPending) return
    const found = validateInvite(values)
    setErrors(found)
    if (Object.keys(found).length === 0) mutation.mutate(values)
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Convidar pessoa" className="grid gap-4 sm:grid-cols-2">
      <Input label="E-mail" type="email" name="invite-email" autoComplete="off" value={values.email} onChange={(e) => set({ email: e.target.value })} error={errors.email} />
      <Input label="Nome" name="invite-name" autoComplete="off" value={values.name} onChange={(e) => set({ name: e.target.value })} error={errors.name} />
      <Select label="Papel" name="invite-role" placeholder="Escolha..." options={ROLE_OPTIONS} value={values.role} onChange={(e) => set({ role: e.target.value as Role | '' })} error={errors.role} />
      {values.role === 'user' ? (
        <Select
          label="Empresa"
          name="invite-company"
          placeholder="Escolha..."
          options={companies.map((c) => ({ value: c.id, label: c.name }))}
          value={values.companyId}
          onChange={(e) => set({ companyId: e.target.value })}
          error={errors.companyId}
        />
      ) : null}
      {values.role === 'prestador' ? (
        <Select label="Área" name="invite-area" placeholder="Escolha..." options={PILLAR_OPTIONS} value={values.pillar} onChange={(e) => set({ pillar: e.target.value as Pillar | '' })} error={errors.pillar} />
      ) : null}
      <div className="flex flex-col gap-3 sm:col-span-2">
        <FormAlert>{mutation.isError ? mutation.error.message : null}</FormAlert>
        <Button type="submit" className="self-start" aria-disabled={mutation.isPending || undefined}>
          {mutation.isPending ? 'A enviar...' : 'Enviar convite'}
        </Button>
      </div>
    </form>
  )
}
