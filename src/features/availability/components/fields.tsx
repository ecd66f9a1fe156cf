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
