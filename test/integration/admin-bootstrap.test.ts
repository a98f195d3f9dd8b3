import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import { migrate } from '../../src/database/migrator.js';
import { projectRoot } from '../../src/project-root.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dropSchema, testDatabaseUrl } from '../support/stack.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The first-administrator bootstrap on a schema of its own: "no active SYSADMIN yet" is a whole-database
 * fact. The command runs as an operator runs it, as a process against the database.
 */
describe('npm run admin:bootstrap', () => {
  const databaseUrl = testDatabaseUrl();
  let t: TestApp;

  beforeAll(async () => {
    await migrate(databaseUrl);
    t = await createTestApp({ DATABASE_URL: databaseUrl });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await dropSchema(databaseUrl);
  });

  /** Runs a compiled script against this schema; `stdin` is what is piped in (nothing: an empty pipe). */
  const runScript = (script: string, args: string[], { stdin = '', env = {} }: { stdin?: string; env?: Record<string, string> } = {}): Promise<Run> =>
    new Promise((resolve) => {
      const child = execFile(
        process.execPath,
        [join(projectRoot(), 'dist/scripts', script), ...args],
        { env: { ...process.env, DATABASE_URL: databaseUrl, ...env } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
      child.stdin!.end(stdin);
    });
  const bootstrap = (args: string[], stdin = '') => runScript('bootstrap-admin.js', args, { stdin });
  const username = (prefix: string) => `${prefix}.${randomBytes(3).toString('hex')}`;
  const login = (name: string, password: string) => request(t.http).post('/v1/auth/login').send({ username: name, password });

  it('has no account after the production seed: agencies only, no demo officer and no demo password', async () => {
    const seeded = await runScript('seed.js', [], { env: { NODE_ENV: 'production' } });
    expect(seeded).toMatchObject({ code: 0, stdout: expect.stringContaining('no demo officers in production') as string });
    expect(await t.prisma.agency.count()).toBeGreaterThan(0);
    expect(await t.prisma.user.count()).toBe(0);
  });

  it('refuses a bad username, naming it, and creates nothing', async () => {
    const run = await bootstrap(['--username', 'X!', '--display-name', 'Admin Pusat']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('username');
    expect(await t.prisma.user.count({ where: { role: 'SYSADMIN' } })).toBe(0);
  });

  it('refuses a missing display name, naming it', async () => {
    const run = await bootstrap(['--username', username('admin')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('displayName');
  });

  it('creates the first SYSADMIN once, who signs in with the printed password; the audit log records it; a second run refuses', async () => {
    const first = username('admin');
    const run = await bootstrap(['--username', first, '--display-name', 'Administrator Sistem Nasional']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const password = /one-time password[^:]*: (\S+)$/m.exec(run.stdout)?.[1];
    expect(password).toHaveLength(24);

    const officer = await t.prisma.user.findUniqueOrThrow({ where: { username: first } });
    const signedIn = await login(first, password!).expect(200);
    const me = await request(t.http).get('/v1/auth/me').set({ Authorization: `Bearer ${signedIn.body.accessToken as string}` });
    expect(me.body).toMatchObject({ id: officer.id, role: 'SYSADMIN' });

    expect(officer).toMatchObject({ role: 'SYSADMIN', active: true, agencyId: null, displayName: 'Administrator Sistem Nasional' });
    expect(officer.passwordHash).not.toContain(password!);
    const audit = await t.prisma.auditLog.findMany({ where: { action: 'bootstrap-sysadmin' } });
    expect(audit).toEqual([expect.objectContaining({ actorId: officer.id, actorRole: 'SYSADMIN', method: 'CLI', statusCode: 201 })]);
    expect(audit[0].detail).toMatchObject({ officerId: officer.id, username: first });

    const second = await bootstrap(['--username', username('admin'), '--display-name', 'Admin Kedua'], 'a-chosen-password-long-enough\n');
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`an active SYSADMIN exists (${first})`);
    expect(second.stdout).toBe('');
    expect(await t.prisma.user.count({ where: { role: 'SYSADMIN' } })).toBe(1);
    expect(await t.prisma.auditLog.count({ where: { action: 'bootstrap-sysadmin' } })).toBe(1);
  });

  it('takes a password piped in, printing none, once no SYSADMIN is active any more', async () => {
    await t.prisma.user.updateMany({ where: { role: 'SYSADMIN' }, data: { active: false } });
    const next = username('admin');
    const chosen = `chosen-${randomBytes(12).toString('hex')}`;
    const run = await bootstrap(['--username', next, '--display-name', 'Admin Pengganti'], `${chosen}\n`);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).not.toContain('password');
    await login(next, chosen).expect(200);
  });
});
