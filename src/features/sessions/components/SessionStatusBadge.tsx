import { Badge } from '@/components/ui'
import { bookingStatusLabel, bookingStatusTone, type BookingStatus } from '../lib/labels'

export function SessionStatusBadge({ status }: { status: BookingStatus }) {
  return <Badge tone={bookingStatusTone(status)}>{bookingStatusLabel(status)}</Badge>
}
