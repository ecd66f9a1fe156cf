import { describe, expect, it } from 'vitest'
import { CHANGE_POLL_INTERVAL_MS, employeeListPollOptions } from './poll-policy'

describe('poll policy (idle cost of an open page)', () => {
  it('the change read runs at most 4 times a minute and at least every 15 s (link freshness)', () => {
    expect(60_000 / CHANGE_POLL_INTERVAL_MS).toBeLessThanOrEqual(4)
    expect(CHANGE_POLL_INTERVAL_MS).toBeLessThanOrEqual(15_000)
  })
  it("the employee's list has no poll of its own, and refetches on focus", () => {
    expect(employeeListPollOptions.refetchInterval).toBe(false)
    expect(employeeListPollOptions.refetchOnWindowFocus).toBe(true)
  })
})
