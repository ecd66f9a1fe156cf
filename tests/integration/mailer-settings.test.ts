// The e-mail settings of the local auth service: the templates supabase/config.toml names (as a
// hosted project would use them), the redirect_to check with config.toml's URLs, and the
// template placeholders GoTrue fills in.
import { describe, expect, it } from 'vitest'
import { loadTemplates, renderTemplate } from '../../supabase/local/auth/mailer'
import { redirectTarget } from '../../supabase/local/auth/validate'
import { localConfig } from '../../supabase/local/config'

describe('templates from supabase/config.toml', () => {
  it('reads subjects and files of [auth.email.template.*], with expiry and frequency', () => {
    const t = loadTemplates()
    expect(t.recovery.subject).toBe('Redefinir a palavra-passe do Encontro')
    expect(t.invite.subject).toBe('Convite para o Encontro')
    expect(t.recovery.html).toContain('{{ .ConfirmationURL }}')
    expect(t.invite.html).toContain('lang="pt-PT"')
    const { email } = localConfig().auth
    expect([email.otp_expiry, email.max_frequency_seconds]).toEqual([3600, 60])
  })
})

describe('redirect_to with config.toml [auth] URLs', () => {
  const { site_url, additional_redirect_urls } = localConfig().auth
  it.each([
    ['http://127.0.0.1:5173/nova-palavra-passe', true], // the site's host
    // `npm start` serves the app on localhost:5173 too: the e-mail's link must come back to it.
    ['http://localhost:5173/nova-palavra-passe', true],
    ['https://evil.example/nova-palavra-passe', false],
    ['not a url', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(redirectTarget(url, site_url, additional_redirect_urls) === url).toBe(allowed)
  })
})

describe('renderTemplate', () => {
  it('fills GoTrue placeholders, user data, and escapes HTML', () => {
    const out = renderTemplate(
      '<a href="{{ .ConfirmationURL }}">{{.Email}}</a> {{ .Token }} {{ .TokenHash }} {{ .RedirectTo }} {{ .Data.name }} {{ .Unknown }}',
      { ConfirmationURL: 'http://x/verify?token=a&type=invite', Email: 'a@b.pt', Token: '123456', TokenHash: 'ab', RedirectTo: 'http://y/' },
      { name: '<Ana>' },
    )
    expect(out).toBe('<a href="http://x/verify?token=a&amp;type=invite">a@b.pt</a> 123456 ab http://y/ &lt;Ana&gt; ')
  })
})
