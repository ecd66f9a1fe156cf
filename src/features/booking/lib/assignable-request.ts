// The call request an especialista assigns (a row of the queue), shared by the queue's button
// and the dialog it loads on demand.
import type { Pillar } from '@/features/sessions'

/** The call request fields the dialog needs (a row of the especialista's queue). */
export type AssignableRequest = {
  id: string
  pillar: Pillar
  notes: string
  created_at: string
  client: { name: string | null } | null
}

export const ASSIGN_BUTTON_TEXT = 'Atribuir'
