import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FormAlert } from './FormAlert'
import { Input } from './Input'
import { Select } from './Select'
import { TextArea } from './TextArea'
import { ToastProvider } from './Toast'
import { useToast } from './toast-context'

describe('Input', () => {
  it('is labelled and wires its error via aria-describedby / aria-invalid', () => {
    render(<Input label="E-mail" error="E-mail inválido." hint="O e-mail do trabalho." />)
    const input = screen.getByLabelText('E-mail')
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription('O e-mail do trabalho. E-mail inválido.')
  })

  it('has no error attributes when valid', () => {
    render(<Input label="E-mail" />)
    const input = screen.getByLabelText('E-mail')
    expect(input).not.toHaveAttribute('aria-invalid')
    expect(input).not.toHaveAttribute('aria-describedby')
  })
})

describe('Select', () => {
  it('is labelled, starts with the empty option and wires hint and error like Input', () => {
    render(
      <Select
        label="Empresa"
        placeholder="Escolha a empresa"
        options={[{ value: 'acme', label: 'Acme Portugal' }]}
        hint="A empresa do colaborador."
        error="Escolha a empresa."
        defaultValue=""
      />,
    )
    const select = screen.getByLabelText('Empresa')
    expect(select.tagName).toBe('SELECT')
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Escolha a empresa', 'Acme Portugal'])
    expect(select).toHaveAttribute('aria-invalid', 'true')
    expect(select).toHaveAccessibleDescription('A empresa do colaborador. Escolha a empresa.')
  })

  it('has no error attributes when valid', () => {
    render(<Select label="Estado" placeholder="Todos" options={[]} />)
    expect(screen.getByLabelText('Estado')).not.toHaveAttribute('aria-invalid')
    expect(screen.getByLabelText('Estado')).not.toHaveAttribute('aria-describedby')
  })
})

describe('TextArea', () => {
  it('is labelled, wires hint and error, and keeps a caller id', () => {
    render(<TextArea id="reason" label="Motivo" hint="Obrigatório." error="Indique o motivo." />)
    const field = screen.getByLabelText('Motivo')
    expect(field.tagName).toBe('TEXTAREA')
    expect(field).toHaveAttribute('id', 'reason')
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription('Obrigatório. Indique o motivo.')
  })

  it("a 'danger' hint is red; the default one is not", () => {
    const { rerender } = render(<TextArea label="Motivo" hint="501/500 caracteres." hintTone="danger" />)
    expect(screen.getByText('501/500 caracteres.')).toHaveClass('text-red-700')
    rerender(<TextArea label="Motivo" hint="20/500 caracteres." />)
    expect(screen.getByText('20/500 caracteres.')).not.toHaveClass('text-red-700')
  })
})

describe('FormAlert', () => {
  it('announces a message and renders nothing without one', () => {
    const { rerender, container } = render(<FormAlert>{null}</FormAlert>)
    expect(container).toBeEmptyDOMElement()
    rerender(<FormAlert>Não foi possível guardar.</FormAlert>)
    expect(screen.getByRole('alert')).toHaveTextContent('Não foi possível guardar.')
  })
})

function Trigger() {
  const toast = useToast()
  return <button onClick={() => toast.show('Link guardado.', 'success')}>Guardar</button>
}

describe('toasts', () => {
  it('announces messages in a polite status region and removes them after a while', async () => {
    vi.useFakeTimers()
    try {
      render(
        <ToastProvider durationMs={1000}>
          <Trigger />
        </ToastProvider>,
      )
      const region = screen.getByRole('status')
      expect(region).toHaveAttribute('aria-live', 'polite')
      act(() => screen.getByRole('button', { name: 'Guardar' }).click())
      expect(region).toHaveTextContent('Link guardado.')
      act(() => vi.advanceTimersByTime(1000))
      expect(region).not.toHaveTextContent('Link guardado.')
    } finally {
      vi.useRealTimers()
    }
  })

  it('can be dismissed', async () => {
    render(
      <ToastProvider>
        <Trigger />
      </ToastProvider>,
    )
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await user.click(screen.getByRole('button', { name: 'Fechar notificação' }))
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
  })

  it('useToast outside the provider fails loudly', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<Trigger />)).toThrow(/ToastProvider/)
    vi.mocked(console.error).mockRestore()
  })
})
