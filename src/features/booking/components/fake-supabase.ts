// A stand-in for the supabase-js client, for vi.mock('@/lib/supabase') in component tests.
// Every query-builder chain is recorded as a request and answered by the test's handler, so
// tests can assert what was sent (filters, inserted values, RPC args) and script what comes
// back. No imports on purpose: the mock factory loads this module while '@/lib/supabase' is
// being resolved, and anything importing the app from here would wait on itself.

export type FakeRequest = {
  table: string | null
  rpc: string | null
  op: 'select' | 'insert' | 'update' | 'rpc'
  columns: string | null
  values: unknown
  args: unknown
  count: string | null
  /** select(..., { head: true }): only the count is wanted. */
  head: boolean
  filters: Array<[op: string, column: string, value: unknown]>
  order: Array<[column: string, ascending: boolean]>
  range: [number, number] | null
  single: boolean
}

export type FakeResponse = { data: unknown; error?: unknown; count?: number | null; status?: number }
export type FakeHandler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>

class FakeQuery implements PromiseLike<FakeResponse> {
  readonly request: FakeRequest
  constructor(
    private readonly server: FakeSupabase,
    init: Partial<FakeRequest>,
  ) {
    this.request = {
      table: null,
      rpc: null,
      op: 'select',
      columns: null,
      values: undefined,
      args: undefined,
      count: null,
      head: false,
      filters: [],
      order: [],
      range: null,
      single: false,
      ...init,
    }
  }
  select(columns = '*', options?: { count?: string; head?: boolean }) {
    this.request.columns = columns
    this.request.count = options?.count ?? null
    this.request.head = options?.head ?? false
    return this
  }
  insert(values: unknown) {
    this.request.op = 'insert'
    this.request.values = values
    return this
  }
  update(values: unknown) {
    this.request.op = 'update'
    this.request.values = values
    return this
  }
  private filter(op: string, column: string, value: unknown) {
    this.request.filters.push([op, column, value])
    return this
  }
  eq(column: string, value: unknown) {
    return this.filter('eq', column, value)
  }
  neq(column: string, value: unknown) {
    return this.filter('neq', column, value)
  }
  gt(column: string, value: unknown) {
    return this.filter('gt', column, value)
  }
  gte(column: string, value: unknown) {
    return this.filter('gte', column, value)
  }
  lt(column: string, value: unknown) {
    return this.filter('lt', column, value)
  }
  lte(column: string, value: unknown) {
    return this.filter('lte', column, value)
  }
  in(column: string, value: unknown) {
    return this.filter('in', column, value)
  }
  is(column: string, value: unknown) {
    return this.filter('is', column, value)
  }
  not(column: string, op: string, value: unknown) {
    return this.filter(`not.${op}`, column, value)
  }
  order(column: string, options?: { ascending?: boolean }) {
    this.request.order.push([column, options?.ascending ?? true])
    return this
  }
  range(from: number, to: number) {
    this.request.range = [from, to]
    return this
  }
  limit() {
    return this
  }
  abortSignal() {
    return this
  }
  single() {
    this.request.single = true
    return this
  }
  maybeSingle() {
    this.request.single = true
    return this
  }
  then<A = FakeResponse, B = never>(onFulfilled?: ((value: FakeResponse) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): PromiseLike<A | B> {
    return this.server.answer(this.request).then(onFulfilled, onRejected)
  }
}

export class FakeSupabase {
  requests: FakeRequest[] = []
  handler: FakeHandler = () => ({ data: null, error: { code: 'TEST', message: 'no handler' }, status: 500 })

  from = (table: string) => new FakeQuery(this, { table })
  rpc = (name: string, args: unknown) => new FakeQuery(this, { rpc: name, op: 'rpc', args })

  async answer(request: FakeRequest): Promise<FakeResponse> {
    this.requests.push(request)
    const response = await this.handler(request)
    return { error: null, count: null, status: response.error ? 400 : 200, ...response }
  }

  reset(handler: FakeHandler) {
    this.requests = []
    this.handler = handler
  }

  /** The requests to a table (or RPC) and op. */
  find(target: string, op?: FakeRequest['op']) {
    return this.requests.filter((r) => (r.table === target || r.rpc === target) && (op === undefined || r.op === op))
  }
}

export const fakeSupabase = new FakeSupabase()

export const filterValue = (request: FakeRequest, op: string, column: string) =>
  request.filters.find(([o, c]) => o === op && c === column)?.[2]
