import { useEffect, useState } from 'react'

/** Date.now(), refreshed every `intervalMs` (slots that start in the past drop out of the list). */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
