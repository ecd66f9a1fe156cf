// Saves text as a file through a temporary <a download> on an object URL: no window.open
// (popup blockers, and iOS would show the text instead of offering the calendar import).

export const ICS_MIME_TYPE = 'text/calendar;charset=utf-8'

/**
 * How long the object URL stays valid after the click. Revoking it in the same task can
 * cancel the download in some browsers (older Safari/Firefox read the blob after the click
 * handler returns); a few seconds is plenty and the blob is a few KB.
 */
export const REVOKE_OBJECT_URL_AFTER_MS = 10_000

export function downloadIcs(filename: string, icsText: string): void {
  const blob = new Blob([icsText], { type: ICS_MIME_TYPE })
  const url = URL.createObjectURL(blob)
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = filename
  anchor.rel = 'noopener'
  anchor.hidden = true
  document.body.append(anchor)
  try {
    anchor.click()
  } finally {
    anchor.remove()
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_OBJECT_URL_AFTER_MS)
  }
}
