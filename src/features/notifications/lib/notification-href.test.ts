import { notificationHref } from './notification-href'

describe('notificationHref', () => {
  it.each([
    ['user', 'b1', '/user/sessions#session-b1'],
    ['prestador', 'b1', '/prestador/sessions#session-b1'],
    ['especialista', 'b1', '/especialista/dashboard#session-b1'],
    ['admin', 'b1', '/admin/operations'],
    ['user', null, '/user/sessions'],
  ] as const)('%s, booking %s -> %s', (role, bookingId, href) => {
    expect(notificationHref(role, bookingId)).toBe(href)
  })
})
