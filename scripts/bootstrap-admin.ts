// npm run admin:bootstrap -- --username <u> --display-name "<name>": creates the first SYSADMIN of an
// installation, and only while no active SYSADMIN exists (afterwards SYSADMINs create accounts in the
// console). The password is read from stdin when one is piped in, otherwise generated and printed once;
// only its argon2 hash is stored. The creation is written to the audit log.
// Exit codes: 0 created, 1 refused (a SYSADMIN exists, the username is taken), 2 bad input or setup.
import 'reflect-metadata';
import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateOfficerDto } from '../src/admin/officers.dto.js';
import { newOfficerId, temporaryPassword } from '../src/admin/officers-admin.service.js';
import { hashSecret } from '../src/auth/passwords.js';
import { prismaAdapter } from '../src/database/database-url.js';
import { PrismaClient } from '../src/generated/prisma/client.js';
import { render } from '../src/i18n/messages.js';
import { validationMessages } from '../src/i18n/validation-messages.js';

/** A chosen password: long enough not to be guessed, short enough for the login form (256). */
const PASSWORD_LENGTH = { min: 12, max: 256 };
/** Serialises two bootstraps at once: only one of them sees "no SYSADMIN yet". */
const BOOTSTRAP_LOCK = 7_301_013;

class BootstrapRefused extends Error {}

async function passwordFromStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  const password = text.replace(/\r?\n$/, '');
  if (password === '') return null;
  if (password.length < PASSWORD_LENGTH.min || password.length > PASSWORD_LENGTH.max) {
    throw new RangeError(`password (stdin): between ${PASSWORD_LENGTH.min} and ${PASSWORD_LENGTH.max} characters`);
  }
  return password;
}

/** The same rules as POST /v1/admin/officers for a SYSADMIN: username pattern, display name 1–120. */
async function checkedInput(argv: string[]): Promise<CreateOfficerDto> {
  const { values } = parseArgs({ args: argv, options: { username: { type: 'string' }, 'display-name': { type: 'string' } }, strict: true });
  const dto = plainToInstance(CreateOfficerDto, { username: values.username, displayName: values['display-name'], role: 'SYSADMIN' });
  const problems = validationMessages(await validate(dto, { forbidUnknownValues: true }));
  if (problems.length) throw new RangeError(problems.map((p) => render(p, 'en')).join('\n'));
  return dto;
}

async function bootstrap(databaseUrl: string, dto: CreateOfficerDto, password: string): Promise<string> {
  const prisma = new PrismaClient({ adapter: prismaAdapter(databaseUrl, 1) });
  const passwordHash = await hashSecret(password);
  try {
    return await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`;
      const sysadmin = await tx.user.findFirst({ where: { role: 'SYSADMIN', active: true }, select: { username: true } });
      if (sysadmin) throw new BootstrapRefused(`refused: an active SYSADMIN exists (${sysadmin.username}); SYSADMINs create further accounts in the console`);
      if (await tx.user.findUnique({ where: { username: dto.username }, select: { id: true } })) throw new BootstrapRefused(`refused: username ${dto.username} is taken`);
      const id = newOfficerId(dto.username);
      await tx.user.create({ data: { id, username: dto.username, displayName: dto.displayName, role: 'SYSADMIN', passwordHash } });
      await tx.auditLog.create({
        data: {
          actorId: id,
          actorRole: 'SYSADMIN',
          action: 'bootstrap-sysadmin',
          method: 'CLI',
          path: 'npm run admin:bootstrap',
          statusCode: 201,
          detail: { officerId: id, username: dto.username, displayName: dto.displayName, host: hostname() },
        },
      });
      return id;
    });
  } finally {
    await prisma.$disconnect();
  }
}

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL is required');
    return 2;
  }
  let dto: CreateOfficerDto;
  let chosen: string | null;
  try {
    dto = await checkedInput(process.argv.slice(2));
    chosen = await passwordFromStdin();
  } catch (error) {
    console.error((error as Error).message);
    console.error('usage: npm run admin:bootstrap -- --username <username> --display-name "<name>"   [password on stdin]');
    return 2;
  }
  const password = chosen ?? temporaryPassword();
  try {
    const id = await bootstrap(databaseUrl, dto, password);
    console.log(`created SYSADMIN ${dto.username} (${id}); the audit log records it`);
    if (!chosen) console.log(`one-time password (shown only now; sign in at /console and keep it safe): ${password}`);
    return 0;
  } catch (error) {
    if (error instanceof BootstrapRefused) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bootstrap failed: ${(error as Error).message}`);
    process.exit(2);
  },
);
