import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuditLogService } from '../audit/audit-log.service.js';
import { TooManyAttemptsError } from '../common/domain-errors.js';
import { AppConfig } from '../config/app-config.js';
import { AccountsRepository } from './accounts.repository.js';
import { CredentialThrottles, type ThrottlePolicy, waitAfterMs } from './credential-throttle.js';
import type { Officer } from './officer.js';
import { hashSecret, verifySecret } from './passwords.js';
import { message } from '../i18n/messages.js';

interface TokenClaims {
  sub: string;
  role: string;
}

/** The sign-in request as the audit log records it: where it came from, never the password. */
export interface SignInRequest {
  path: string;
  requestId: string | null;
  correlationId: string | null;
  address: string;
}

@Injectable()
export class AuthService {
  /** Verified against when the username is unknown, so a wrong username costs as long as a wrong password. */
  private unknownUserHash?: Promise<string>;
  private readonly throttle: ThrottlePolicy;

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly throttles: CredentialThrottles,
    private readonly audit: AuditLogService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {
    this.throttle = { freeAttempts: config.loginFreeAttempts, maxDelaySeconds: config.credentialMaxDelaySeconds };
  }

  /**
   * Checks the password, one try at a time per account (CredentialThrottles): after LOGIN_FREE_ATTEMPTS
   * wrong passwords each further try waits, the owner and SYSADMIN are told, and every failure and
   * wait is in the audit log. An unknown username is treated exactly like a known one.
   */
  async login(username: string, password: string, request: SignInRequest): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: number; officer: Officer }> {
    const key = `login:${username}`;
    const record = (action: 'LOGIN_FAILED' | 'LOGIN_THROTTLED', statusCode: number, detail: Record<string, unknown>) =>
      this.audit.recordInBackground({
        actorId: 'anonymous',
        actorRole: 'ANONYMOUS',
        action,
        method: 'POST',
        path: request.path,
        statusCode,
        requestId: request.requestId,
        correlationId: request.correlationId,
        detail: { username, clientAddress: request.address, ...detail },
      });
    const claim = await this.throttles.claim(key, this.throttle);
    if (!claim.allowed) {
      record('LOGIN_THROTTLED', 429, { retryAfterSeconds: claim.retryAfterSeconds });
      throw new TooManyAttemptsError('tooMany.passwords', claim.retryAfterSeconds);
    }
    const user = await this.accounts.byUsername(username);
    const valid = await verifySecret(user?.passwordHash ?? (await (this.unknownUserHash ??= hashSecret('tenggat: no such user'))), password);
    if (!user || !user.active || !valid) {
      record('LOGIN_FAILED', 401, { failures: claim.failures });
      if (claim.failures === this.throttle.freeAttempts) {
        record('LOGIN_THROTTLED', 401, { failures: claim.failures, waitSeconds: waitAfterMs(claim.failures, this.throttle) / 1000 });
        if (user) await this.accounts.noticeGuessedAccount(user, claim.failures, `account-throttled:${user.id}:${Date.now()}`);
      }
      throw new UnauthorizedException(message('auth.wrongPassword'));
    }
    await this.throttles.succeeded(key);
    const officer = toOfficer(user);
    const claims: TokenClaims = { sub: officer.id, role: officer.role };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.authTokenTtlSeconds });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.authTokenTtlSeconds, officer };
  }

  /** The officer behind a bearer token, re-read from PostgreSQL: role, agency and unit are current. */
  async officerFromToken(token: string): Promise<Officer> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthorizedException(message('auth.tokenInvalid'));
    }
    const user = await this.accounts.byId(claims.sub);
    if (!user || !user.active) throw new UnauthorizedException(message('auth.accountInactive'));
    return toOfficer(user);
  }
}

function toOfficer(user: Officer): Officer {
  return { id: user.id, displayName: user.displayName, role: user.role, agencyId: user.agencyId, unitId: user.unitId };
}
