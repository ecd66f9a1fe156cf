import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { QueryClientProvider, useQuery } from '@tanstack/react-query'
import { createQueryClient } from '@/lib/query-client'
import { QueryState } from './QueryState'

function List({ fetcher }: { fetcher: () => Promise<string[]> }) {
  const query = useQuery({ queryKey: ['items'], queryFn: fetcher, retry: false })
  return (
    <QueryState query={query} empty={<p>Nada aqui.</p>} loadingLabel="A carregar itens...">
      {(items) => (
        <ul>
          {items.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
    </QueryState>
  )
}

const renderList = (fetcher: () => Promise<string[]>) =>
  render(
    <QueryClientProvider client={createQueryClient()}>
      <List fetcher={fetcher} />
    </QueryClientProvider>,
  )

describe('QueryState', () => {
  it('shows a labelled loading state, then the data', async () => {
    renderList(async () => ['a', 'b'])
    expect(screen.getByRole('status')).toHaveTextContent('A carregar itens...')
    expect(await screen.findAllByRole('listitem')).toHaveLength(2)
  })

  it('shows the empty state for an empty list', async () => {
    renderList(async () => [])
    expect(await screen.findByText('Nada aqui.')).toBeInTheDocument()
  })

  it('shows an error with "Tentar novamente" that refetches', async () => {
    const fetcher = vi.fn<() => Promise<string[]>>().mockRejectedValueOnce(new Error('down')).mockResolvedValue(['ok'])
    renderList(fetcher)
    expect(await screen.findByRole('alert')).toHaveTextContent('Não foi possível carregar os dados.')
    await userEvent.click(screen.getByRole('button', { name: 'Tentar novamente' }))
    expect(await screen.findByText('ok')).toBeInTheDocument()
    expect(fetcher).toHaveBeenCalledTimes(2)
  })
})
