// What an open page that nobody touches asks the API, and how often (issue 13: at most 4
// requests a minute, while a saved link still reaches the employee's page in <= 15 s median).
//
// One cheap read every 15 s is the whole idle cost: the bell's unread count (a HEAD request).
// Every change to an employee's sessions made by someone else (link saved or changed, booking
// made, moved or cancelled) writes them a notification in the same transaction, so the count
// going up refreshes the lists at once (useRefreshOnNewNotifications); the link window opening
// refetches on a local timer (useRefetchWhenWindowOpens). The employee's list itself therefore
// never polls. Hidden tabs do not poll at all; focus refetches everything stale.

/** The "what changed" read: the unread count, polled while the page is visible. */
export const CHANGE_POLL_INTERVAL_MS = 15_000

/** The employee's session list: refreshed by the change read and the window timer, not by a poll of its own. */
export const employeeListPollOptions = {
  refetchInterval: false,
  refetchOnWindowFocus: true,
} as const
