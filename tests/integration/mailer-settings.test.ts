// The e-mail settings of the local auth service: what supabase/config.toml names (as a hosted
// project would use it), GoTrue's redirect_to check and its template placeholders.
import { describe, expect, it } from 'vitest'
import { isRedirectAllowed, readMailerSettings, renderTemplate, type MailerSettings } from '../../supabase/local/auth/mailer'

describe('readMailerSettings', () => {
  it('reads templates, expiry and limits from supabase/config.toml', () => {
    const s = readMailerSettings()
    expect(s.templates.recovery.subject).toBe('Redefinir a palavra-passe do Encontro')
    expect(s.templates.invite.subject).toBe('Convite para o Encontro')
    expect(s.templates.recovery.html).toContain('{{ .ConfirmationURL }}')
    expect(s.templates.invite.html).toContain('lang="pt-PT"')
    expect([s.otpExpirySeconds, s.maxFrequencySeconds, s.emailsPerHour]).toEqual([3600, 60, 30])
    expect(s.siteUrl).toBe('http://127.0.0.1:5173')
    // `npm start` serves the app on localhost:5173 too: the e-mail's link must come back to it.
    expect(isRedirectAllowed(s, 'http://localhost:5173/nova-palavra-passe')).toBe(true)
  })
})

describe('isRedirectAllowed (GoTrue IsRedirectURLValid)', () => {
  const s = { siteUrl: 'http://127.0.0.1:5173', additionalRedirectUrls: ['http://localhost:5173', 'https://*.encontro.pt/**'] } as MailerSettings
  it.each([
    ['http://127.0.0.1:5173/nova-palavra-passe', true],
    ['http://127.0.0.1:41234/nova-palavra-passe', true], // loopback: any port
    ['https://127.0.0.1:5173/nova-palavra-passe', false], // other scheme
    ['http://localhost:5173', true],
    ['http://localhost:5173/nova-palavra-passe', false], // only the bare origin is listed here
    ['https://app.encontro.pt/nova-palavra-passe', true],
    ['https://evil.example/nova-palavra-passe', false],
    ['not a url', false],
  ])('%s -> %s', (url, allowed) => {
    expect(isRedirectAllowed(s, url)).toBe(allowed)
  })
})

describe('renderTemplate', () => {
  it('fills GoTrue placeholders, user data, and escapes HTML', () => {
    const out = renderTemplate(
      '<a href="{{ .ConfirmationURL }}">{{.Email}}</a> {{ .Data.name }} {{ .Unknown }}',
      { ConfirmationURL: 'http://x/verify?token=a&type=invite', Email: 'a@b.pt' },
      { name: '<Ana>' },
    )
    expect(out).toBe('<a href="http://x/verify?token=a&amp;type=invite">a@b.pt</a> &lt;Ana&gt; ')
  })
})
