import { useEffect, useRef } from 'react'
import { useLocation } from 'react-router'

/**
 * Once the page's list is rendered (`ready`), brings the element named by the URL's
 * `#session-<id>` into view and moves focus to it (it has tabIndex -1), once per hash.
 * The browser cannot do it itself: the cards appear only after the query resolved.
 */
export function useScrollToHash(ready: boolean, prefix = 'session-'): void {
  const { hash } = useLocation()
  const done = useRef<string | null>(null)

  useEffect(() => {
    if (!ready || done.current === hash) return
    let id: string
    try {
      id = decodeURIComponent(hash.slice(1))
    } catch {
      return
    }
    if (!id.startsWith(prefix)) return
    const element = document.getElementById(id)
    if (!element) return
    done.current = hash
    element.scrollIntoView?.({ block: 'start' })
    element.focus({ preventScroll: true })
  }, [ready, hash, prefix])
}
