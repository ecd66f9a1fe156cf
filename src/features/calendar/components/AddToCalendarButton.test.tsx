import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import ICAL from 'ical.js'
import { AddToCalendarButton, downloadIcs, ICS_MIME_TYPE, REVOKE_OBJECT_URL_AFTER_MS, type CalendarBooking } from '..'
import { readUtf8 } from '../testing/ics-downloads'

const booking: CalendarBooking = {
  id: 'b-42',
  starts_at: '2026-11-25T14:00:00+00:00',
  ends_at: '2026-11-25T14:50:00+00:00',
  meeting_type: 'virtual',
  status: 'scheduled',
  location: null,
  cancellation_reason: null,
  pillar: 'saude_mental',
  updated_at: '2026-11-18T10:00:00.123456+00:00',
}

// jsdom has no object URLs: stand-ins that record the blob, and a click spy that stands in
// for the browser's download (jsdom would try to navigate).
let blobs: Blob[]
let clicked: HTMLAnchorElement[]
const createObjectURL = vi.fn((blob: Blob) => {
  blobs.push(blob)
  return `blob:http://localhost/${blobs.length}`
})
const revokeObjectURL = vi.fn()

beforeEach(() => {
  blobs = []
  clicked = []
  createObjectURL.mockClear()
  revokeObjectURL.mockClear()
  Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: createObjectURL })
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: revokeObjectURL })
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    // Record what the browser would see at click time (the anchor is removed right after).
    clicked.push(this.cloneNode() as HTMLAnchorElement)
    expect(this.isConnected).toBe(true)
  })
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('AddToCalendarButton', () => {
  it('has an accessible name that starts with the visible text and says which session', () => {
    render(<AddToCalendarButton booking={booking} prestadorName="Dr. Pedro Santos" viewer="user" />)
    const button = screen.getByRole('button', { name: 'Adicionar ao calendário a sessão de qua., 25 nov., 14:00–14:50' })
    expect(button).toHaveTextContent('Adicionar ao calendário')
  })

  it('a cancelled session offers "Remover do calendário": the file is the cancellation of the same event', async () => {
    const cancelled: CalendarBooking = { ...booking, status: 'cancelled', cancellation_reason: 'Doença' }
    render(<AddToCalendarButton booking={cancelled} prestadorName="Dr. Pedro Santos" viewer="user" />)
    expect(screen.queryByRole('button', { name: /^Adicionar ao calendário/ })).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Remover do calendário a sessão de qua., 25 nov., 14:00–14:50' }))
    await waitFor(() => expect(clicked).toHaveLength(1))
    const { vevent } = parseIcs(await readUtf8(blobs[0]!))
    expect(vevent.getFirstPropertyValue('uid')).toBe('b-42@encontro.app')
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED')
  })

  it('click: builds a text/calendar Blob and downloads it through <a download>, no window.open', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null)
    render(<AddToCalendarButton booking={booking} prestadorName="Dr. Pedro Santos" viewer="user" />)

    await userEvent.click(screen.getByRole('button', { name: /Adicionar ao calendário/ }))

    await waitFor(() => expect(clicked).toHaveLength(1))
    expect(createObjectURL).toHaveBeenCalledTimes(1)
    const blob = blobs[0]!
    expect(blob.type).toBe('text/calendar;charset=utf-8')
    const anchor = clicked[0]!
    expect(anchor.download).toBe('encontro-sessao-2026-11-25.ics')
    expect(anchor.href).toBe('blob:http://localhost/1')
    expect(open).not.toHaveBeenCalled()
    expect(document.querySelector('a[download]')).toBeNull() // cleaned up
    expect(screen.queryByRole('alert')).toBeNull()

    // The file: the pillar label from the sessions feature and the app's session page.
    const { vevent } = parseIcs(await readUtf8(blob))
    expect(vevent.getFirstPropertyValue('summary')).toBe('Sessão de Saúde mental com Dr. Pedro Santos')
    expect(vevent.getFirstPropertyValue('uid')).toBe('b-42@encontro.app')
    expect(vevent.getFirstPropertyValue('url')).toBe(`${window.location.origin}/user/sessions#session-b-42`)
  })

  it('prestador: their page and the employee name', async () => {
    render(
      <AddToCalendarButton
        booking={{ ...booking, meeting_type: 'phone' }}
        prestadorName="Dr. Pedro Santos"
        employeeName="João Silva"
        viewer="prestador"
        timeZone="Asia/Tokyo"
      />,
    )
    await userEvent.click(screen.getByRole('button', { name: /Adicionar ao calendário/ }))
    await waitFor(() => expect(clicked).toHaveLength(1))
    expect(clicked[0]!.download).toBe('encontro-sessao-2026-11-25.ics')
    const { vevent } = parseIcs(await readUtf8(blobs[0]!))
    expect(vevent.getFirstPropertyValue('summary')).toBe('Sessão de Saúde mental com João Silva')
    expect(vevent.getFirstPropertyValue('location')).toBe('Telefone')
    expect(vevent.getFirstPropertyValue('url')).toBe(`${window.location.origin}/prestador/sessions#session-b-42`)
  })

  it('shows an inline pt-PT error when the file cannot be made, and recovers on a later success', async () => {
    const { rerender } = render(
      <AddToCalendarButton booking={{ ...booking, starts_at: '2026-11-25T14:00:00' }} prestadorName="X" viewer="user" />,
    )
    const button = screen.getByRole('button', { name: /Adicionar ao calendário/ })
    await userEvent.click(button)

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Não foi possível criar o ficheiro do calendário. Tente novamente.')
    expect(button).toHaveAttribute('aria-describedby', alert.id)
    expect(createObjectURL).not.toHaveBeenCalled()
    expect(clicked).toHaveLength(0)

    rerender(<AddToCalendarButton booking={booking} prestadorName="X" viewer="user" />)
    await userEvent.click(button)
    await waitFor(() => expect(clicked).toHaveLength(1))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(button).not.toHaveAttribute('aria-describedby')
  })
})

describe('downloadIcs', () => {
  it('revokes the object URL after the download has started', () => {
    vi.useFakeTimers()
    downloadIcs('a.ics', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')
    expect(clicked).toHaveLength(1)
    expect(blobs[0]!.type).toBe(ICS_MIME_TYPE)
    expect(revokeObjectURL).not.toHaveBeenCalled()
    vi.advanceTimersByTime(REVOKE_OBJECT_URL_AFTER_MS)
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:http://localhost/1')
  })

  it('keeps UTF-8 text intact in the Blob', async () => {
    downloadIcs('a.ics', 'SUMMARY:Sessão de Assistência jurídica com Conceição\r\n')
    expect(await readUtf8(blobs[0]!)).toBe(
      'SUMMARY:Sessão de Assistência jurídica com Conceição\r\n',
    )
  })
})

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const vevent = calendar.getFirstSubcomponent('vevent')
  if (!vevent) throw new Error('no VEVENT')
  return { calendar, vevent }
}
