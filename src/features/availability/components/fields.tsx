// Pieces of the availability editor's forms that the shared UI kit does not have.

/** An error about a whole form (a server refusal), announced when it appears. */
export function FormError({ id, message }: { id: string; message: string | null }) {
  // The live region is always there so the message is announced when it appears.
  return (
    <div id={id} role="alert" className={message ? 'text-sm text-red-700' : 'sr-only'}>
      {message}
    </div>
  )
}

/**
 * What a save or removal did, written next to its form: a polite live region in the page's
 * flow, never an overlay (a toast could cover the field being edited, on a phone above all).
 */
export function FormStatus({ message }: { message: string | null }) {
  return (
    <p role="status" aria-live="polite" className={message ? 'text-sm font-medium text-green-800' : 'sr-only'}>
      {message}
    </p>
  )
}
