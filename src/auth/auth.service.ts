import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Officer } from './officer.js';
import { hashSecret, verifySecret } from './passwords.js';

interface TokenClaims {
  sub: string;
  role: string;
}


@Injectable()
export class AuthService {
  /** Verified against when the username is unknown, so a wrong username costs as long as a wrong password. */
  private unknownUserHash?: Promise<string>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: number; officer: Officer }> {
    const user = await this.prisma.user.findUnique({ where: { username } });
    const valid = await verifySecret(user?.passwordHash ?? (await (this.unknownUserHash ??= hashSecret('tenggat: no such user'))), password);
    if (!user || !user.active || !valid) throw new UnauthorizedException('username or password is wrong');
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
      throw new UnauthorizedException('bearer token is invalid or expired');
    }
    const user = await this.prisma.user.findUnique({ where: { id: claims.sub } });
    if (!user || !user.active) throw new UnauthorizedException('account is not active');
    return toOfficer(user);
  }
}

function toOfficer(user: Officer): Officer {
  return { id: user.id, role: user.role, agencyId: user.agencyId, unitId: user.unitId };
}
