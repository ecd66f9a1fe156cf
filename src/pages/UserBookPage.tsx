import { BookingWizard } from '@/features/booking'
import { PageHeading } from './PageHeading'

export function UserBookPage() {
  return (
    <>
      <PageHeading title="Marcar sessão">
        Escolha a área, o prestador, o dia e o horário livre que lhe convém. A sessão fica marcada assim que confirmar.
      </PageHeading>
      <BookingWizard />
    </>
  )
}
