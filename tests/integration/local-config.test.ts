// supabase/config.toml is the one place for the settings the local stack mirrors (issue 11,
// point 6): the reader checks it, and the running stack answers with its values.
import { createClient } from '@supabase/supabase-js'
import { decodeJwt } from 'jose'
import { describe, expect, inject, it } from 'vitest'
import { localConfig, parseConfig } from '../../supabase/local/config'
import { authSettings, DEFAULT_API_PORT, DEFAULT_PG_PORT } from '../../supabase/local/stack'

const VALID = `
[api]
port = 1
[db]
port = 2
[auth]
site_url = "http://127.0.0.1:5173"
jwt_expiry = 60
enable_refresh_token_rotation = true
refresh_token_reuse_interval = 10
enable_signup = false
minimum_password_length = 8
[auth.rate_limit]
email_sent = 2
sms_sent = 30
anonymous_users = 30
token_refresh = 150
sign_in_sign_ups = 30
token_verifications = 30
web3 = 30
[auth.email]
otp_expiry = 3600
max_frequency = "60s"
[auth.email.template.recovery]
subject = "Recuperar"
content_path = "./supabase/templates/recovery.html"
[auth.email.template.invite]
subject = "Convite"
content_path = "./supabase/templates/invite.html"
`

describe('parseConfig', () => {
  it('reads the values the stack uses', () => {
    const c = parseConfig(VALID)
    expect(c.api.port).toBe(1)
    expect(c.db.port).toBe(2)
    expect(c.auth).toMatchObject({ jwt_expiry: 60, refresh_token_reuse_interval: 10, enable_signup: false, additional_redirect_urls: [] })
    expect(c.auth.rate_limit.token_refresh).toBe(150)
    expect(c.auth.email).toEqual({
      otp_expiry: 3600,
      max_frequency_seconds: 60,
      template: {
        recovery: { subject: 'Recuperar', content_path: './supabase/templates/recovery.html' },
        invite: { subject: 'Convite', content_path: './supabase/templates/invite.html' },
      },
    })
  })

  it.each([
    ['a missing section', VALID.replace('[db]\nport = 2', ''), /\[db\] is missing/],
    ['a missing rate limit', VALID.replace('web3 = 30', ''), /auth\.rate_limit\.web3/],
    ['a negative number', VALID.replace('jwt_expiry = 60', 'jwt_expiry = -1'), /auth\.jwt_expiry/],
    ['a string for a number', VALID.replace('port = 1', 'port = "54321"'), /api\.port/],
    ['a number for a flag', VALID.replace('enable_signup = false', 'enable_signup = 0'), /auth\.enable_signup/],
    ['a frequency that is not seconds', VALID.replace('"60s"', '"1m"'), /max_frequency/],
    ['a template without its file', VALID.replace('content_path = "./supabase/templates/invite.html"', ''), /auth\.email\.template\.invite\.content_path/],
    ['not TOML', '[api', /./],
  ])('refuses %s', (_what, source, message) => {
    expect(() => parseConfig(source)).toThrow(message)
  })
})

describe('supabase/config.toml drives the local stack', () => {
  it('ports and auth settings come from it; tests may override one value', () => {
    const config = localConfig()
    expect(DEFAULT_API_PORT).toBe(config.api.port)
    expect(DEFAULT_PG_PORT).toBe(config.db.port)
    const overridden = authSettings({ auth: { rate_limit: { token_refresh: 1 } }, accessTokenTtlSeconds: 5 })
    expect(overridden.rate_limit).toEqual({ ...config.auth.rate_limit, token_refresh: 1 })
    expect(overridden.jwt_expiry).toBe(5)
    expect(overridden.refresh_token_reuse_interval).toBe(config.auth.refresh_token_reuse_interval)
  })

  it('the running stack issues tokens for jwt_expiry and reports sign-ups as config.toml says', async () => {
    const { apiUrl, anonKey } = inject('stack')
    const client = createClient(apiUrl, anonKey, { auth: { persistSession: false, autoRefreshToken: false } })
    const { data, error } = await client.auth.signInWithPassword({ email: 'joao@encontro.test', password: 'encontro-demo' })
    expect(error).toBeNull()
    const claims = decodeJwt(data.session!.access_token)
    expect(claims.exp! - claims.iat!).toBe(localConfig().auth.jwt_expiry)
    const settings = (await (await fetch(`${apiUrl}/auth/v1/settings`, { headers: { apikey: anonKey } })).json()) as {
      disable_signup: boolean
    }
    expect(settings.disable_signup).toBe(!localConfig().auth.enable_signup)
  })
})
