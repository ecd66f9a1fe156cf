// LOCAL STACK ONLY, run by Deno (supabase/local/functions.ts starts it): serves every
// supabase/functions/<name>/index.ts under /<name>, as Supabase's edge runtime does. Each
// function calls Deno.serve(handler) at load, as on a hosted project; this main service
// catches those handlers and routes to them. Plain JS: the Node-side tsconfig must not see Deno.
const [root, port] = Deno.args
const realServe = Deno.serve.bind(Deno)
const handlers = new Map()
let loading = ''

const fakeServer = { finished: new Promise(() => {}), shutdown: async () => {}, ref() {}, unref() {}, addr: { hostname: '127.0.0.1', port: 0, transport: 'tcp' } }
Deno.serve = (a, b) => {
  const handler = typeof a === 'function' ? a : typeof b === 'function' ? b : a.handler
  handlers.set(loading, handler)
  return fakeServer
}

for await (const entry of Deno.readDir(root)) {
  if (!entry.isDirectory || entry.name.startsWith('_') || entry.name.startsWith('.')) continue
  loading = entry.name
  await import(new URL(`./${entry.name}/index.ts`, `file://${root.replace(/\/?$/, '/')}`).href)
}

const json = (status, body) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

realServe({ port: Number(port), hostname: '127.0.0.1', onListen: () => console.log('functions ready') }, async (req) => {
  const name = new URL(req.url).pathname.split('/')[1] ?? ''
  const handler = handlers.get(name)
  if (!handler) return json(404, { code: 'NOT_FOUND', message: 'Requested function was not found' })
  try {
    return await handler(req)
  } catch (err) {
    console.error(`[functions] ${name}:`, err)
    return json(500, { code: 'WORKER_ERROR', message: 'Function exited due to an error (please check logs)' })
  }
})
