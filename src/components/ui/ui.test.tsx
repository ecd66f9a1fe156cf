import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Input } from './Input'
import { ToastProvider } from './Toast'
import { useToast } from './toast-context'

describe('Input', () => {
  it('is labelled and wires its error via aria-describedby / aria-invalid', () => {
    render(<Input label="Email" error="Email inválido." hint="O email do trabalho." />)
    const input = screen.getByLabelText('Email')
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription('O email do trabalho. Email inválido.')
  })

  it('has no error attributes when valid', () => {
    render(<Input label="Email" />)
    const input = screen.getByLabelText('Email')
    expect(input).not.toHaveAttribute('aria-invalid')
    expect(input).not.toHaveAttribute('aria-describedby')
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
