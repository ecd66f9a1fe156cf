import type { Ref } from 'react'
import { MEETING_TYPE_LABELS, type MeetingType } from '@/features/sessions'
import { MEETING_TYPES } from '../lib/booking-form'
import { ChoiceGroup } from './fields'

const DESCRIPTIONS: Record<MeetingType, string> = {
  virtual: 'Videochamada; o link é adicionado pelo prestador antes da sessão.',
  phone: 'Chamada telefónica do prestador.',
  presencial: 'No local de atendimento do prestador.',
}

export function MeetingTypeField({
  value,
  onChange,
  error,
  name = 'meeting-type',
  legend = 'Tipo de sessão',
  address,
  groupRef,
}: {
  value: MeetingType | ''
  onChange: (value: MeetingType) => void
  error?: string | undefined
  name?: string
  legend?: string
  /** The prestador's address, shown for presencial. */
  address?: string | null | undefined
  groupRef?: Ref<HTMLFieldSetElement>
}) {
  return (
    <ChoiceGroup
      legend={legend}
      name={name}
      groupRef={groupRef}
      options={MEETING_TYPES.map((type) => ({
        value: type,
        label: MEETING_TYPE_LABELS[type],
        description: type === 'presencial' && address ? address : DESCRIPTIONS[type],
      }))}
      value={value}
      onChange={onChange}
      error={error}
    />
  )
}
