// The editor inside a dialog: a typed or generated link that is not saved is never thrown
// away by closing the dialog without asking (Dialog's "Descartar alterações?").
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { Dialog, DISCARD_TEXTS } from '@/components/ui/Dialog'
import { createFakeServer, createTestQueryClient, virtualBooking, wrapperFor, type FakeServer } from '../hooks/test-support'
import { EDITOR_TEXTS, MeetingLinkEditor, NO_SHOW_EDITOR_TEXT } from './MeetingLinkEditor'

const holder = vi.hoisted(() => ({ server: null as null | { rpc: (...a: never[]) => unknown; from: (...a: never[]) => unknown } }))
vi.mock('@/lib/supabase', () => ({
  supabase: {
    rpc: (...args: never[]) => holder.server!.rpc(...args),
    from: (...args: never[]) => holder.server!.from(...args),
  },
}))

const BOOKING = virtualBooking()
let server: FakeServer
beforeEach(() => {
  server = createFakeServer()
  holder.server = server as never
})

function InDialog({ status }: { status?: 'no_show' }) {
  const [open, setOpen] = useState(true)
  return (
    <>
      <p>{open ? 'aberto' : 'fechado'}</p>
      <Dialog open={open} onClose={() => setOpen(false)} title="Sessão com João Silva">
        <MeetingLinkEditor booking={{ ...BOOKING, ...(status ? { status } : {}) }} timeZone="Europe/Lisbon" />
      </Dialog>
    </>
  )
}

async function renderInDialog(status?: 'no_show') {
  const user = userEvent.setup()
  render(<InDialog status={status} />, { wrapper: wrapperFor(createTestQueryClient()) })
  const input = (await screen.findByLabelText(EDITOR_TEXTS.label)) as HTMLInputElement
  return { user, input }
}

describe('MeetingLinkEditor in a dialog', () => {
  it('a generated Jitsi link, not saved: "Fechar" asks; "Continuar a editar" keeps it; "Guardar" then closes without asking', async () => {
    const { user, input } = await renderInDialog()
    await user.click(screen.getByRole('button', { name: EDITOR_TEXTS.generate }))
    const generated = input.value
    expect(generated).toMatch(/^https:\/\/meet\.jit\.si\//)

    await user.click(screen.getByRole('button', { name: 'Fechar' }))
    const question = screen.getByRole('alertdialog', { name: DISCARD_TEXTS.title })
    await user.click(within(question).getByRole('button', { name: DISCARD_TEXTS.keepEditing }))
    expect(screen.getByText('aberto')).toBeInTheDocument()
    expect(input).toHaveValue(generated)

    await user.click(screen.getByRole('button', { name: EDITOR_TEXTS.save }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(EDITOR_TEXTS.saved))
    await user.click(screen.getByRole('button', { name: 'Fechar' }))
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(screen.getByText('fechado')).toBeInTheDocument()
  })

  it('a typed link: Escape asks, "Descartar" closes and nothing was saved', async () => {
    const { user, input } = await renderInDialog()
    await user.type(input, 'https://zoom.us/j/1')
    await user.keyboard('{Escape}')
    await user.click(screen.getByRole('button', { name: DISCARD_TEXTS.discard }))
    expect(screen.getByText('fechado')).toBeInTheDocument()
    expect(server.rpc).not.toHaveBeenCalled()
  })

  it('nothing edited: closes at once', async () => {
    const { user } = await renderInDialog()
    await user.keyboard('{Escape}')
    expect(screen.getByText('fechado')).toBeInTheDocument()
  })

  it('a session where the employee did not come ("Faltou"): the link is locked, with the reason', async () => {
    const { input } = await renderInDialog('no_show')
    expect(input).toBeDisabled()
    expect(input).toHaveAccessibleDescription(NO_SHOW_EDITOR_TEXT)
  })
})
