import { useEffect } from 'react'
import { useLocation, useNavigationType } from 'react-router'

/**
 * A new page (link or redirect to another path) starts at its top: the SPA keeps the old
 * page's scroll otherwise. Back/forward (POP) is left to the browser, a `#hash` to the page
 * that brings its target into view, and query changes (filters, pages) keep the place.
 */
export function useScrollToTop(): void {
  const { pathname, hash } = useLocation()
  const type = useNavigationType()
  useEffect(() => {
    if (type === 'POP' || hash) return
    const page = document.scrollingElement ?? document.documentElement
    page.scrollTop = 0
    page.scrollLeft = 0
    // Keyed on the path alone: `hash` and `type` belong to that same navigation.
  }, [pathname])
}
