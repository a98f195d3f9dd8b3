import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PrismaService } from '../database/prisma.service.js';

/** Officer accounts as sign-in needs them, and the notices about them that go through the outbox. */
@Injectable()
export class AccountsRepository {
  constructor(private readonly prisma: PrismaService) {}

  byUsername(username: string) {
    return this.prisma.user.findUnique({ where: { username } });
  }

  byId(id: string) {
    return this.prisma.user.findUnique({ where: { id } });
  }

  /**
   * Tells the account's owner and SYSADMIN that its password is being guessed (notification outbox, once
   * per `streakKey`): the owner knows why sign-in waits, SYSADMIN can act (block the source, reset).
   */
  async noticeGuessedAccount(owner: { id: string; role: string; agencyId: string | null; username: string }, failures: number, streakKey: string): Promise<void> {
    const payload = {
      kind: 'ACCOUNT_THROTTLED',
      username: owner.username,
      failures,
      message: `${failures} wrong passwords in a row for account ${owner.username}; each further sign-in waits, the wait doubling. If this was not the owner, the password is being guessed.`,
    };
    await this.prisma.notification.createMany({
      data: [
        { id: randomUUID(), key: `${streakKey}:owner`, kind: 'ACCOUNT_THROTTLED', receiverRole: owner.role, agencyId: owner.agencyId, receiverUserId: owner.id, payload },
        { id: randomUUID(), key: `${streakKey}:sysadmin`, kind: 'ACCOUNT_THROTTLED', receiverRole: 'SYSADMIN', agencyId: null, payload },
      ],
      skipDuplicates: true,
    });
  }
}
