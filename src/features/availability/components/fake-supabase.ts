// A stand-in for the supabase-js client, for vi.mock('@/lib/supabase') in this feature's
// component tests: every query-builder chain is recorded and answered by the test's handler.
// No imports on purpose: the mock factory loads this module while '@/lib/supabase' is being
// resolved. (Like the booking feature's, plus delete.) Security is tested against the real
// API in tests/integration/availability.test.ts.

export type FakeRequest = {
  table: string
  op: 'select' | 'insert' | 'update' | 'delete'
  columns: string | null
  values: unknown
  filters: Array<[op: string, column: string, value: unknown]>
  single: boolean
}

export type FakeResponse = { data: unknown; error?: unknown; status?: number }
export type FakeHandler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>

class FakeQuery implements PromiseLike<FakeResponse> {
  readonly request: FakeRequest
  constructor(
    private readonly server: FakeSupabase,
    table: string,
  ) {
    this.request = { table, op: 'select', columns: null, values: undefined, filters: [], single: false }
  }
  select(columns = '*') {
    this.request.columns = columns
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
  delete() {
    this.request.op = 'delete'
    return this
  }
  private filter(op: string, column: string, value: unknown) {
    this.request.filters.push([op, column, value])
    return this
  }
  eq(column: string, value: unknown) {
    return this.filter('eq', column, value)
  }
  gte(column: string, value: unknown) {
    return this.filter('gte', column, value)
  }
  lte(column: string, value: unknown) {
    return this.filter('lte', column, value)
  }
  order() {
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
  then<A = FakeResponse, B = never>(
    onFulfilled?: ((value: FakeResponse) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    return this.server.answer(this.request).then(onFulfilled, onRejected)
  }
}

export class FakeSupabase {
  requests: FakeRequest[] = []
  handler: FakeHandler = () => ({ data: null, error: { code: 'TEST', message: 'no handler' }, status: 500 })

  from = (table: string) => new FakeQuery(this, table)

  async answer(request: FakeRequest): Promise<FakeResponse> {
    this.requests.push(request)
    const response = await this.handler(request)
    return { error: null, status: response.error ? 400 : 200, ...response }
  }

  reset(handler: FakeHandler) {
    this.requests = []
    this.handler = handler
  }

  find(table: string, op?: FakeRequest['op']) {
    return this.requests.filter((r) => r.table === table && (op === undefined || r.op === op))
  }
}

export const fakeSupabase = new FakeSupabase()

export const filterValue = (request: FakeRequest, op: string, column: string) =>
  request.filters.find(([o, c]) => o === op && c === column)?.[2]
