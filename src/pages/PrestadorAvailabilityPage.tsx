import { useState } from 'react'
import { useProfile } from '@/features/auth'
import { BlockedDatesEditor, SessionSettingsForm, WeeklyHoursEditor, todayIn } from '@/features/availability'
import { PageHeading } from './PageHeading'

/** /prestador/availability: the prestador's weekly hours, blocked dates, session length and buffer. */
export function PrestadorAvailabilityPage() {
  const profile = useProfile()
  // Today in the prestador's zone (their hours and dates are in it), fixed for the visit.
  const [today] = useState(() => todayIn(profile.time_zone))
  return (
    <>
      <PageHeading title="Disponibilidade">
        Quando aceita marcações: o horário de cada dia da semana, os dias em que não está disponível e a duração das sessões.
      </PageHeading>
      <div className="flex flex-col gap-10">
        <WeeklyHoursEditor prestadorId={profile.id} timeZone={profile.time_zone} />
        <BlockedDatesEditor prestadorId={profile.id} today={today} />
        <SessionSettingsForm prestadorId={profile.id} />
      </div>
    </>
  )
}
