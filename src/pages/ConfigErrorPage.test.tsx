import { render, screen } from '@testing-library/react'
import { ConfigErrorPage } from './ConfigErrorPage'

describe('ConfigErrorPage', () => {
  it('names what is missing and how to fix it', () => {
    render(<ConfigErrorPage env={{ ok: false, missing: ['VITE_SUPABASE_URL', 'VITE_SUPABASE_ANON_KEY'], invalidUrl: false }} />)
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('configuração em falta')
    expect(screen.getByRole('main')).toHaveTextContent('VITE_SUPABASE_URL, VITE_SUPABASE_ANON_KEY')
    expect(screen.getByRole('main')).toHaveTextContent('npm start')
  })
})
