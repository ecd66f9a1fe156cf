// Accounts in the browser, through the real parts: /login's "Esqueci-me da palavra-passe", the
// e-mail read out of the inbox (maildev), its link into /nova-palavra-passe, and the admin's
// "Pessoas" page inviting through the invite-user Edge Function (Deno).
import { createClient } from '@supabase/supabase-js'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { linkIn, waitForMailTo } from '../../supabase/local/mail'
import { launchBrowser, newContext, screenshot, signIn } from './support/browser'

let browser: Browser
const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
const service = () => {
  const { apiUrl, serviceRoleKey } = inject('stack')
  return createClient(apiUrl, serviceRoleKey, { auth: { persistSession: false, autoRefreshToken: false } })
}

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function page375(): Promise<Page> {
  const context = await newContext(browser)
  const page = await context.newPage()
  await page.setViewportSize({ width: 375, height: 800 })
  return page
}

/** The e-mail's link, opened in the browser. */
async function openMailLink(page: Page, email: string, previous?: string) {
  const mail = await waitForMailTo(inject('mailUrl'), email, previous)
  await page.goto(linkIn(mail.html, '/auth/v1/verify')!)
  return mail
}

async function setNewPassword(page: Page, password: string) {
  await page.getByLabel('Nova palavra-passe', { exact: true }).fill(password)
  await page.getByLabel('Repita a nova palavra-passe').fill(password)
  await page.getByRole('button', { name: 'Guardar palavra-passe' }).click()
}

describe('accounts', () => {
  it('recovers a forgotten password from /login to the role page, and refuses the used link in pt-PT', async () => {
    const admin = service()
    const email = `recupera-${uniq()}@encontro.test`
    const { data } = await admin.auth.admin.createUser({ email, password: 'antiga-palavra-1', email_confirm: true })
    const { data: company } = await admin.from('companies').select('id').limit(1).single()
    await admin.from('profiles').insert({ id: data.user!.id, email, name: 'Rita Recupera', role: 'user', company_id: company!.id })

    const page = await page375()
    await page.goto('/login')
    await page.getByRole('button', { name: 'Esqueci-me da palavra-passe' }).click()
    const form = page.getByRole('form', { name: 'Esqueci-me da palavra-passe' })
    await form.getByLabel('E-mail').fill(email)
    await form.getByRole('button', { name: 'Enviar link' }).click()
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Se existir uma conta com este e-mail, enviámos um link')
    await screenshot(page, 'accounts-forgot-password-375')

    const mail = await openMailLink(page, email)
    await page.waitForURL((url) => url.pathname === '/nova-palavra-passe')
    await page.getByLabel('Nova palavra-passe', { exact: true }).fill('curta')
    await page.getByLabel('Repita a nova palavra-passe').fill('outra')
    await page.getByRole('button', { name: 'Guardar palavra-passe' }).click()
    await page.getByText('A palavra-passe precisa de pelo menos 8 caracteres.').waitFor()
    await screenshot(page, 'accounts-new-password-375')
    await setNewPassword(page, 'nova-palavra-22')
    await page.waitForURL((url) => url.pathname === '/user/sessions')

    // The new password works from a fresh browser.
    const other = await page375()
    await signIn(other, email, 'nova-palavra-22')
    expect(new URL(other.url()).pathname).toBe('/user/sessions')

    // The same link again: used, said in pt-PT, with a way to ask for a new one.
    const again = await page375()
    await again.goto(linkIn(mail.html, '/auth/v1/verify')!)
    await again.getByText('Este link já foi usado ou expirou. Peça um novo link abaixo.').waitFor()
    await again.getByRole('form', { name: 'Pedir um novo link' }).waitFor()
    await screenshot(again, 'accounts-used-link-375')
  })

  it("invites an employee from the admin's Pessoas page; they set a password and see their empty sessions page", async () => {
    const page = await page375()
    await signIn(page, 'admin@encontro.test')
    await page.getByRole('link', { name: 'Pessoas' }).click()
    await page.waitForURL((url) => url.pathname === '/admin/pessoas')
    const email = `convidado-${uniq()}@encontro.test`
    const form = page.getByRole('form', { name: 'Convidar pessoa' })
    await form.getByLabel('E-mail').fill(email)
    await form.getByLabel('Nome').fill('Carla Convidada')
    await form.getByLabel('Papel').selectOption({ label: 'Colaborador' })
    await form.getByRole('button', { name: 'Enviar convite' }).click()
    await form.getByText('Escolha a empresa do colaborador.').waitFor()
    await form.getByLabel('Empresa').selectOption({ index: 1 })
    await form.getByRole('button', { name: 'Enviar convite' }).click()
    await page.getByText(`Convite enviado para ${email}.`).waitFor()
    const row = page.getByRole('listitem').filter({ hasText: email })
    await row.getByText('Convite pendente').waitFor()
    await screenshot(page, 'accounts-pessoas-375')

    const invited = await page375()
    await openMailLink(invited, email)
    await invited.waitForURL((url) => url.pathname === '/nova-palavra-passe')
    await setNewPassword(invited, 'primeira-palavra-3')
    await invited.waitForURL((url) => url.pathname === '/user/sessions')
    await invited.getByText('Ainda não tem sessões.').waitFor()
    await screenshot(invited, 'accounts-invited-sessions-375')

    // Accepted: no longer pending on the admin's page.
    await page.reload()
    await page.getByRole('listitem').filter({ hasText: email }).waitFor()
    expect(await page.getByRole('listitem').filter({ hasText: email }).getByText('Convite pendente').count()).toBe(0)
  })
})
