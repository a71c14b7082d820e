import { Inject, Injectable } from '@nestjs/common';
import { UserRole } from '@whatrack/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import { TooManyRequestsError, UnauthorizedError } from '../../common/errors/domain-errors';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { type OrganizationRow, OrganizationsRepository } from '../organizations/organizations.repository';
import { OrganizationsService } from '../organizations/organizations.service';
import { StagesService } from '../stages/stages.service';
import type { UserRow } from '../users/users.repository';
import { PasswordHasher } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import type { LoginDto } from './dto/login.dto';
import type { RegisterDto } from './dto/register.dto';
import { Db } from '../../database/db';
import { LoginAttemptsRepository, loginKey } from './login-attempts.repository';
import { SessionTokens } from './session-tokens';

export interface Session {
  accessToken: string;
  user: UserRow;
  organization: OrganizationRow;
}

const INVALID_CREDENTIALS = 'Invalid email or password';

@Injectable()
export class AuthService {
  /** Verified when the email is unknown, so both failures take the same time. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly db: Db,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly organizationRows: OrganizationsRepository,
    private readonly stages: StagesService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: SessionTokens,
    private readonly attempts: LoginAttemptsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates the organization, its owner and its default stages in one transaction. */
  async register(dto: RegisterDto): Promise<Session> {
    const { user, organization } = await this.db.transaction(async (tx) => {
      const organization = await this.organizationRows.insert(tx, { name: dto.organizationName });
      const user = await this.users.insert(tx, {
        organizationId: organization.id,
        name: dto.name,
        email: dto.email,
        password: dto.password,
        role: UserRole.OWNER,
      });
      // StagesService (another module) still takes a TypeORM manager: the transaction's.
      await this.stages.ensureTicketStages(organization.id, tx);
      return { user, organization };
    });
    return { accessToken: this.tokens.sign(user), user, organization };
  }

  /**
   * Checks the password, under a per-address limit shared by every replica: after a few failures the address is
   * locked for a while (doubling), whatever client address the guesses come from, and the right password does not
   * get through a lock. Unknown addresses are counted and locked alike, and cost the same hashing time, so no
   * answer tells whether an account exists.
   */
  async login(dto: LoginDto): Promise<Session> {
    const key = loginKey(dto.email);
    const now = this.clock.now();
    const { lockedUntil } = await this.attempts.admit(this.db, key, now, this.config.loginPolicy);
    if (lockedUntil) {
      const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
      throw new TooManyRequestsError(
        `Too many sign-in attempts for this e-mail: try again in ${seconds} s`,
        'login_locked',
        seconds,
      );
    }
    const found = await this.users.findForLogin(dto.email);
    if (!found) {
      this.dummyHash ??= this.hasher.hash('not-a-real-password');
      await this.hasher.verify(await this.dummyHash, dto.password);
      throw new UnauthorizedError(INVALID_CREDENTIALS, undefined, 'invalid_credentials');
    }
    const { passwordHash, ...user } = found;
    if (!(await this.hasher.verify(passwordHash, dto.password))) {
      throw new UnauthorizedError(INVALID_CREDENTIALS, undefined, 'invalid_credentials');
    }
    await this.attempts.clear(this.db, key);
    // Told only after the right password, so the answer does not reveal the account to someone guessing.
    if (!user.active) {
      throw new UnauthorizedError('This user is deactivated: ask an owner or admin', undefined, 'user_deactivated');
    }
    const organization = await this.organizations.getCurrent({ organizationId: user.organizationId });
    return { accessToken: this.tokens.sign(user), user, organization };
  }

  async me(auth: AuthContext): Promise<{ user: UserRow | null; organization: OrganizationRow }> {
    const organization = await this.organizations.getCurrent(auth);
    const user = auth.userId ? await this.users.get(auth, auth.userId) : null;
    return { user, organization };
  }
}
