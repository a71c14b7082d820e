import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { UserRow } from '../users/users.repository';
import type { JwtPayload } from './strategies/jwt.strategy';

/** Issues the JWTs of user sessions; each carries the user's session version, which the JWT strategy compares. */
@Injectable()
export class SessionTokens {
  constructor(private readonly jwt: JwtService) {}

  sign(user: Pick<UserRow, 'id' | 'organizationId' | 'sessionVersion'>): string {
    const payload: JwtPayload = { sub: user.id, org: user.organizationId, ver: user.sessionVersion };
    return this.jwt.sign(payload);
  }
}
