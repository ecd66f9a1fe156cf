// The session management modal: the shared accessible Dialog around SessionManagement.

import { Dialog } from '@/components/ui/Dialog'
import { formatSessionRange } from '@/lib/format-date'
import { meetingTypeLabel } from '@/features/sessions'
import { SessionManagement, type SessionManagementProps } from './SessionManagement'

export type SessionManagementDialogProps = SessionManagementProps & {
  open: boolean
  onClose: () => void
}

export function SessionManagementDialog({ open, onClose, ...props }: SessionManagementDialogProps) {
  const { session, timeZone, employeeName } = props
  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title={`Sessão com ${employeeName}`}
      description={session ? `${formatSessionRange(session.starts_at, session.ends_at, timeZone)} · ${meetingTypeLabel(session.meeting_type)}` : undefined}
    >
      <SessionManagement {...props} />
    </Dialog>
  )
}
