// The state the three booking forms share (the employee's wizard, the admin's "Nova sessão",
// the especialista's "Atribuir"): the draft, its errors once a submit was attempted (checked
// live from then on), the slot error after a slot was taken under someone's feet, and the
// form-level error. What each form adds is its own fields and its own mutation.

import { useCallback, useState, type RefObject } from 'react'
import { useDialogDirty } from '@/components/ui/Dialog'
import { useProfile } from '@/features/auth'
import { todayIn } from '../lib/booking-days'
import { bookingErrorMessage, isSlotTaken, SLOT_TAKEN_MESSAGE } from '../lib/booking-errors'
import { validateBookingDraft, type BookingDraft, type BookingField, type BookingFieldErrors } from '../lib/booking-form'

/** The element focused when its field is the first one in error. */
export type BookingDraftRefs = Partial<Record<BookingField, RefObject<HTMLElement | null>>>

export function useBookingDraft(initial: BookingDraft, fields: readonly BookingField[], refs: BookingDraftRefs) {
  const profile = useProfile()
  const today = todayIn(profile.time_zone)
  const [draft, setDraft] = useState<BookingDraft>(initial)
  const [attempted, setAttempted] = useState(false)
  const [slotError, setSlotError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  // In a dialog, closing asks before discarding a choice (the auto-chosen first free day is none).
  useDialogDirty((Object.keys(initial) as (keyof BookingDraft)[]).some((k) => k !== 'day' && draft[k] !== initial[k]))

  // Stable, so the day picker can choose the first free day from an effect.
  const chooseDay = useCallback((day: string) => {
    setDraft((d) => ({ ...d, day, slot: null }))
    setFormError(null)
    setSlotError(null)
  }, [])

  const checked = attempted ? validateBookingDraft(draft, fields, today) : {}
  const errors: BookingFieldErrors = { ...checked, ...(slotError ? { slot: slotError } : {}) }

  return {
    draft,
    errors,
    formError,
    /** Today in the viewer's zone: the earliest day offered. */
    today,
    /** A new day: its slot is chosen again. */
    chooseDay,
    /** Changes fields; clears the form-level error, and the slot error when the slot changes. */
    update(patch: Partial<BookingDraft>) {
      setDraft((d) => ({ ...d, ...patch }))
      setFormError(null)
      if ('slot' in patch) setSlotError(null)
    },
    /** On submit: shows the errors and focuses the first field in error; true when complete. */
    validate(): boolean {
      setAttempted(true)
      setFormError(null)
      const found = validateBookingDraft(draft, fields, today)
      const first = fields.find((f) => found[f])
      if (first) refs[first]?.current?.focus()
      return first === undefined
    },
    /** A refused save: a taken slot is cleared and said next to the slots; anything else above the buttons. */
    fail(error: unknown) {
      if (isSlotTaken(error)) {
        setDraft((d) => ({ ...d, slot: null }))
        setSlotError(SLOT_TAKEN_MESSAGE)
        refs.slot?.current?.focus()
      } else {
        setFormError(bookingErrorMessage(error))
      }
    },
  }
}

export type BookingDraftState = ReturnType<typeof useBookingDraft>
