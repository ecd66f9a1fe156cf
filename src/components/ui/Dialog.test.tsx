import { useRef, useState } from 'react'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Dialog, useDialogDirty } from './Dialog'

function Harness({ onCloseSpy = () => {} }: { onCloseSpy?: () => void }) {
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  return (
    <main id="main-content" tabIndex={-1}>
      <button type="button" onClick={() => setOpen(true)}>
        Nova sessão
      </button>
      <button type="button">Outro botão</button>
      <Dialog
        open={open}
        onClose={() => {
          onCloseSpy()
          setOpen(false)
        }}
        title="Nova sessão"
        description="Marque uma sessão para um colaborador."
      >
        <label>
          Nome
          <input value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <button type="button">Guardar</button>
      </Dialog>
    </main>
  )
}

describe('Dialog', () => {
  it('is a labelled, described modal dialog that takes focus to its first field', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    await user.click(screen.getByRole('button', { name: 'Nova sessão' }))
    const dialog = screen.getByRole('dialog', { name: 'Nova sessão' })
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(dialog).toHaveAccessibleDescription('Marque uma sessão para um colaborador.')
    expect(screen.getByLabelText('Nome')).toHaveFocus()
  })

  it('traps Tab and Shift+Tab inside', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    await user.click(screen.getByRole('button', { name: 'Nova sessão' }))
    await user.tab()
    expect(screen.getByRole('button', { name: 'Guardar' })).toHaveFocus()
    await user.tab()
    expect(screen.getByRole('button', { name: 'Fechar' })).toHaveFocus()
    await user.tab()
    expect(screen.getByLabelText('Nome')).toHaveFocus()
    await user.tab({ shift: true })
    expect(screen.getByRole('button', { name: 'Fechar' })).toHaveFocus()
  })

  it('Escape closes it and focus returns to the trigger', async () => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    render(<Harness onCloseSpy={onClose} />)
    const trigger = screen.getByRole('button', { name: 'Nova sessão' })
    await user.click(trigger)
    await user.type(screen.getByLabelText('Nome'), 'abc')
    await user.keyboard('{Escape}')
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(trigger).toHaveFocus()
  })

  it('the close button closes it too', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    await user.click(screen.getByRole('button', { name: 'Nova sessão' }))
    await user.click(screen.getByRole('button', { name: 'Fechar' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Nova sessão' })).toHaveFocus()
  })

  it('focus that leaves the dialog is brought back', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    await user.click(screen.getByRole('button', { name: 'Nova sessão' }))
    screen.getByRole('button', { name: 'Outro botão' }).focus()
    expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true)
  })

  it('honours initialFocusRef and falls back to the main content when the trigger is gone', async () => {
    function Removing() {
      const [open, setOpen] = useState(false)
      const ref = useRef<HTMLButtonElement>(null)
      return (
        <main id="main-content" tabIndex={-1}>
          {open ? null : (
            <button type="button" onClick={() => setOpen(true)}>
              Abrir
            </button>
          )}
          <Dialog open={open} onClose={() => setOpen(false)} title="Título" initialFocusRef={ref}>
            <input aria-label="Campo" />
            <button ref={ref} type="button">
              Confirmar
            </button>
          </Dialog>
        </main>
      )
    }
    const user = userEvent.setup()
    render(<Removing />)
    await user.click(screen.getByRole('button', { name: 'Abrir' }))
    expect(screen.getByRole('button', { name: 'Confirmar' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.getByRole('main')).toHaveFocus()
  })

  it('focus dropped to <body> by a re-render (the focused button went away): Escape still closes, Tab goes back in', async () => {
    function SelfRemoving() {
      const [open, setOpen] = useState(false)
      const [done, setDone] = useState(false)
      return (
        <main id="main-content" tabIndex={-1}>
          <button type="button" onClick={() => setOpen(true)}>
            Abrir
          </button>
          <Dialog open={open} onClose={() => setOpen(false)} title="Título">
            <input aria-label="Campo" />
            {done ? <p>Feito.</p> : <button type="button" onClick={() => setDone(true)}>Remover</button>}
            <button type="button">Outro</button>
          </Dialog>
        </main>
      )
    }
    const user = userEvent.setup()
    render(<SelfRemoving />)
    const trigger = screen.getByRole('button', { name: 'Abrir' })
    await user.click(trigger)
    await user.click(screen.getByRole('button', { name: 'Remover' }))
    // The browser leaves focus on <body>: no focus event, nothing inside the dialog focused.
    expect(document.body).toHaveFocus()

    // Tab: the dialog's first stop (its close button); Shift+Tab: its last.
    await user.tab()
    expect(screen.getByRole('button', { name: 'Fechar' })).toHaveFocus()
    screen.getByRole('button', { name: 'Fechar' }).blur()
    expect(document.body).toHaveFocus()
    await user.tab({ shift: true })
    expect(screen.getByRole('button', { name: 'Outro' })).toHaveFocus()
    screen.getByRole('button', { name: 'Outro' }).blur()

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(trigger).toHaveFocus()
  })

  it('Escape closes only the innermost of nested dialogs', async () => {
    function Nested() {
      const [outer, setOuter] = useState(true)
      const [inner, setInner] = useState(false)
      return (
        <Dialog open={outer} onClose={() => setOuter(false)} title="Exterior">
          <button type="button" onClick={() => setInner(true)}>
            Abrir interior
          </button>
          <Dialog open={inner} onClose={() => setInner(false)} title="Interior">
            <button type="button">Dentro</button>
          </Dialog>
        </Dialog>
      )
    }
    const user = userEvent.setup()
    render(<Nested />)
    await user.click(screen.getByRole('button', { name: 'Abrir interior' }))
    expect(screen.getByRole('button', { name: 'Dentro' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog', { name: 'Interior' })).not.toBeInTheDocument()
    expect(screen.getByRole('dialog', { name: 'Exterior' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Abrir interior' })).toHaveFocus()
  })
})

/** A form that reports unsaved text to the dialog around it, like the app's forms do. */
function DraftField() {
  const [text, setText] = useState('')
  useDialogDirty(text.trim() !== '')
  return (
    <label>
      Motivo
      <input value={text} onChange={(e) => setText(e.target.value)} />
    </label>
  )
}

function DirtyHarness({ onCloseSpy = () => {}, dirty }: { onCloseSpy?: () => void; dirty?: boolean }) {
  const [open, setOpen] = useState(false)
  return (
    <main id="main-content" tabIndex={-1}>
      <button type="button" onClick={() => setOpen(true)}>
        Gerir sessão
      </button>
      <Dialog
        open={open}
        dirty={dirty}
        onClose={() => {
          onCloseSpy()
          setOpen(false)
        }}
        title="Sessão com João Silva"
      >
        <DraftField />
      </Dialog>
    </main>
  )
}

describe('Dialog with unsaved changes', () => {
  it('nothing typed: Escape and "Fechar" close at once, no question', async () => {
    const user = userEvent.setup()
    render(<DirtyHarness />)
    await user.click(screen.getByRole('button', { name: 'Gerir sessão' }))
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
  })

  it.each([
    ['Escape', async (user: ReturnType<typeof userEvent.setup>) => user.keyboard('{Escape}')],
    ['"Fechar"', async (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Fechar' }))],
  ])('%s with typed text asks "Descartar alterações?"; "Continuar a editar" keeps the text and the dialog', async (_how, close) => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    render(<DirtyHarness onCloseSpy={onClose} />)
    await user.click(screen.getByRole('button', { name: 'Gerir sessão' }))
    await user.type(screen.getByLabelText('Motivo'), 'Doença')
    await close(user)
    const question = screen.getByRole('alertdialog', { name: 'Descartar alterações?' })
    expect(question).toHaveAttribute('aria-modal', 'true')
    expect(within(question).getByRole('button', { name: 'Continuar a editar' })).toHaveFocus()
    expect(onClose).not.toHaveBeenCalled()

    await user.click(within(question).getByRole('button', { name: 'Continuar a editar' }))
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(screen.getByRole('dialog', { name: 'Sessão com João Silva' })).toBeInTheDocument()
    expect(screen.getByLabelText('Motivo')).toHaveValue('Doença')
    expect(onClose).not.toHaveBeenCalled()
  })

  it('Escape on the question means "Continuar a editar" (only the question closes)', async () => {
    const user = userEvent.setup()
    render(<DirtyHarness />)
    await user.click(screen.getByRole('button', { name: 'Gerir sessão' }))
    await user.type(screen.getByLabelText('Motivo'), 'x')
    await user.keyboard('{Escape}')
    expect(screen.getByRole('alertdialog')).toBeInTheDocument()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(screen.getByLabelText('Motivo')).toHaveFocus()
    expect(screen.getByLabelText('Motivo')).toHaveValue('x')
  })

  it('"Descartar" closes the dialog and focus returns to the trigger', async () => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    render(<DirtyHarness onCloseSpy={onClose} />)
    const trigger = screen.getByRole('button', { name: 'Gerir sessão' })
    await user.click(trigger)
    await user.type(screen.getByLabelText('Motivo'), 'Doença')
    await user.click(screen.getByRole('button', { name: 'Fechar' }))
    await user.click(screen.getByRole('button', { name: 'Descartar' }))
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(trigger).toHaveFocus()
  })

  it('a text cleared again is no longer a change: closing does not ask', async () => {
    const user = userEvent.setup()
    render(<DirtyHarness />)
    await user.click(screen.getByRole('button', { name: 'Gerir sessão' }))
    await user.type(screen.getByLabelText('Motivo'), 'ab')
    await user.clear(screen.getByLabelText('Motivo'))
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('the `dirty` prop asks too, without any form reporting', async () => {
    const user = userEvent.setup()
    render(<DirtyHarness dirty />)
    await user.click(screen.getByRole('button', { name: 'Gerir sessão' }))
    await user.keyboard('{Escape}')
    expect(screen.getByRole('alertdialog', { name: 'Descartar alterações?' })).toBeInTheDocument()
  })

  it('useDialogDirty outside a dialog does nothing (no error)', () => {
    render(<DraftField />)
    expect(screen.getByLabelText('Motivo')).toBeInTheDocument()
  })
})
