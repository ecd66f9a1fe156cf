// The read-only half of the meeting-link hook: the link a session row shows and its window.
// The employee's card needs nothing more, so this file (and what it imports) never loads the
// saving path (RPC, zod): useMeetingLink builds the staff side on top of it.

import { useEffect, useRef } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { sessionKeys } from '@/features/sessions'
import type { MeetingLinkEmbed } from '../api/booking-link-cache'
import type { LinkWindow, LinkWindowBooking } from '../lib/link-window'
import { useLinkWindow, type LinkWindowClock } from './use-link-window'

/** A session row as the session queries return it (`*, booking_links(meeting_link, updated_at, updated_by)`). */
export type MeetingLinkBooking = LinkWindowBooking & {
  id: string
  booking_links: MeetingLinkEmbed | null
}

/** The booking's embedded link row, or null. */
export function embedOf(booking: MeetingLinkBooking): MeetingLinkEmbed | null {
  const value: unknown = booking.booking_links
  // Defensive: an embed typed as one-to-one could still arrive as an array.
  if (Array.isArray(value)) return (value[0] as MeetingLinkEmbed | undefined) ?? null
  return (value as MeetingLinkEmbed | null | undefined) ?? null
}

/**
 * For the employee the link row only becomes readable when the window opens: refetch the
 * session lists right then (when no link is known yet) instead of waiting for the next poll.
 */
export function useRefetchWhenWindowOpens(state: LinkWindow['state'], link: string | null): void {
  const queryClient = useQueryClient()
  const previousState = useRef(state)
  useEffect(() => {
    if (previousState.current === 'waiting' && state === 'open' && link === null) {
      void queryClient.invalidateQueries({ queryKey: sessionKeys.lists() }, { cancelRefetch: false })
    }
    previousState.current = state
  }, [state, link, queryClient])
}

export type ShownLink = LinkWindowClock & {
  /** The link in the booking row, or null (none, or hidden from the employee outside the window). */
  link: string | null
}

/** The link window of a booking (kept current) and the link its row carries. */
export function useShownLink(booking: MeetingLinkBooking): ShownLink {
  const { window, ended } = useLinkWindow(booking)
  const link = embedOf(booking)?.meeting_link ?? null
  useRefetchWhenWindowOpens(window.state, link)
  return { window, ended, link }
}
