// THE hook behind the staff's meeting-link UI: the prestador's session modal, the
// especialista's case, the admin's table (the employee's card only reads the link: see
// use-shown-link, which this hook builds on). Server state (the link, who changed it, when) is never
// copied into useState: it comes from the `booking` prop (a row of a cached session query)
// or from the last save's result, whichever the server produced last.

import { useState } from 'react'
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { sessionKeys } from '@/features/sessions'
import { replaceBookingLink, toEmbed, type MeetingLinkEmbed } from '../api/booking-link-cache'
import {
  saveMeetingLink,
  SAVE_MEETING_LINK_MESSAGES,
  type BookingLinkRow,
  type SaveFailureKind,
  type SaveMeetingLinkInput,
  type SaveMeetingLinkResult,
} from '../api/save-meeting-link'
import type { LinkWindow } from '../lib/link-window'
import { detectPlatform, parseMeetingLink, type MeetingLinkErrorReason, type Platform } from '../lib/parse-meeting-link'
import { useLinkWindow } from './use-link-window'
import { embedOf, useRefetchWhenWindowOpens, type MeetingLinkBooking } from './use-shown-link'

export type { MeetingLinkBooking } from './use-shown-link'

/** What save/clear resolve to: the RPC's typed result, or a client-side validation failure (no request made). */
export type SaveOutcome =
  | SaveMeetingLinkResult
  | { ok: false; kind: 'invalid'; message: string; reason: MeetingLinkErrorReason }

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error'

export type UseMeetingLinkResult = {
  window: LinkWindow
  /** Completed, or past its end (any meeting type). */
  ended: boolean
  /** The saved link, or null (none, or hidden from the employee outside the window). */
  link: string | null
  /** Platform of the saved link, or null when there is none. */
  platform: Platform | null
  /** Who changed the link last and when (server's word), or null when there is no link row. */
  updatedBy: string | null
  updatedAt: string | null
  /** Validates, then saves. Invalid text never reaches the API. */
  save: (text: string) => Promise<SaveOutcome>
  /** Removes the link (saves null). */
  clear: () => Promise<SaveOutcome>
  status: SaveStatus
  /** pt-PT message for status 'error'. */
  error?: string
  /** What went wrong, for status 'error' ('invalid' also covers text refused before any request). */
  errorKind?: SaveFailureKind
  /** The last action was a save/clear of a value ('cleared' for clear). */
  lastAction: 'saved' | 'cleared' | null
  /** Set after a stale save: the link as it is now on the server. */
  stale: { current: BookingLinkRow | null } | null
  /** Back to 'idle' (forgets the last result). */
  reset: () => void
}

type SaveVariables = SaveMeetingLinkInput & {
  /** `booking_links.updated_at` of the prop when the save started, to tell whether the prop has been refreshed since. */
  seenInProp: string | null
}

/** Replaces the booking's link in every cached session query, then lets the server's view win. */
export function applySavedLink(queryClient: QueryClient, bookingId: string, row: BookingLinkRow | null): void {
  queryClient.setQueriesData({ queryKey: sessionKeys.all }, (old: unknown) =>
    old === undefined ? old : replaceBookingLink(old, bookingId, row),
  )
  // invalidateQueries cancels fetches already in flight, so an older response cannot land
  // after the update above.
  void queryClient.invalidateQueries({ queryKey: sessionKeys.all })
}

const NETWORK_FAILURE: SaveOutcome = { ok: false, kind: 'network', message: SAVE_MEETING_LINK_MESSAGES.network }

export function useMeetingLink(booking: MeetingLinkBooking): UseMeetingLinkResult {
  const queryClient = useQueryClient()
  const { window, ended } = useLinkWindow(booking)
  const [validationError, setValidationError] = useState<string | null>(null)

  const mutation = useMutation<SaveMeetingLinkResult, Error, SaveVariables>({
    mutationKey: ['meeting-link', 'save', booking.id],
    mutationFn: ({ bookingId, meetingLink, expectedUpdatedAt }) =>
      saveMeetingLink({ bookingId, meetingLink, expectedUpdatedAt }),
    onSuccess: (result, { bookingId }) => {
      if (result.ok) applySavedLink(queryClient, bookingId, result.link)
      else if (result.kind === 'stale') applySavedLink(queryClient, bookingId, result.current)
    },
  })

  const propEmbed = embedOf(booking)
  const propUpdatedAt = propEmbed?.updated_at ?? null
  const variables = mutation.variables?.bookingId === booking.id ? mutation.variables : undefined
  const result = variables ? mutation.data : undefined

  // The row the last save learned from the server (saved row, or the current row of a stale
  // error) is newer than the prop as long as the prop has not changed since that save
  // started — e.g. a page that passes a snapshot of the booking to a modal.
  let known: MeetingLinkEmbed | null = propEmbed
  if (variables && result && variables.seenInProp === propUpdatedAt) {
    if (result.ok) known = toEmbed(result.link)
    else if (result.kind === 'stale') known = toEmbed(result.current)
  }

  const link = known?.meeting_link ?? null

  useRefetchWhenWindowOpens(window.state, link)

  const run = async (meetingLink: string | null): Promise<SaveOutcome> => {
    setValidationError(null)
    try {
      return await mutation.mutateAsync({
        bookingId: booking.id,
        meetingLink,
        // Exactly the string PostgREST sent (microseconds included).
        expectedUpdatedAt: known?.updated_at ?? null,
        seenInProp: propUpdatedAt,
      })
    } catch {
      return NETWORK_FAILURE
    }
  }

  const save = async (text: string): Promise<SaveOutcome> => {
    const parsed = parseMeetingLink(text)
    if (!parsed.ok) {
      mutation.reset()
      setValidationError(parsed.error)
      return { ok: false, kind: 'invalid', message: parsed.error, reason: parsed.reason }
    }
    return run(parsed.url)
  }

  const clear = () => run(null)

  const reset = () => {
    setValidationError(null)
    mutation.reset()
  }

  let status: SaveStatus = 'idle'
  let error: string | undefined
  let errorKind: UseMeetingLinkResult['errorKind']
  if (variables && mutation.isPending) status = 'saving'
  else if (validationError !== null) {
    status = 'error'
    error = validationError
    errorKind = 'invalid'
  } else if (variables && mutation.isError) {
    status = 'error'
    error = SAVE_MEETING_LINK_MESSAGES.network
    errorKind = 'network'
  } else if (result) {
    status = result.ok ? 'saved' : 'error'
    if (!result.ok) {
      error = result.message
      errorKind = result.kind
    }
  }

  return {
    window,
    ended,
    link,
    platform: link ? detectPlatform(link) : null,
    updatedBy: known?.updated_by ?? null,
    updatedAt: known?.updated_at ?? null,
    save,
    clear,
    status,
    ...(error !== undefined ? { error, errorKind } : {}),
    lastAction: variables && status !== 'idle' ? (variables.meetingLink === null ? 'cleared' : 'saved') : null,
    stale: result && !result.ok && result.kind === 'stale' ? { current: result.current } : null,
    reset,
  }
}
