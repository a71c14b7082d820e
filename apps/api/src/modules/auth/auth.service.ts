import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserRole } from '@whatrack/shared';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { UnauthorizedError } from '../../common/errors/domain-errors';
import { Organization } from '../organizations/entities/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { StagesService } from '../stages/stages.service';
import type { User } from '../users/entities/user.entity';
import { PasswordHasher } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import type { LoginDto } from './dto/login.dto';
import type { RegisterDto } from './dto/register.dto';
import type { JwtPayload } from './strategies/jwt.strategy';

export interface Session {
  accessToken: string;
  user: User;
  organization: Organization;
}

const INVALID_CREDENTIALS = 'Invalid email or password';

@Injectable()
export class AuthService {
  /** Verified when the email is unknown, so both failures take the same time. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly stages: StagesService,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
  ) {}

  /** Creates the organization, its owner and its default stages in one transaction. */
  async register(dto: RegisterDto): Promise<Session> {
    const { user, organization } = await this.dataSource.transaction(async (m) => {
      const organization = await m.save(Organization, m.create(Organization, { name: dto.organizationName }));
      const user = await this.users.insert(m, {
        organizationId: organization.id,
        name: dto.name,
        email: dto.email,
        password: dto.password,
        role: UserRole.OWNER,
      });
      await this.stages.ensureTicketStages(organization.id, m);
      return { user, organization };
    });
    return { accessToken: this.sign(user), user, organization };
  }

  async login(dto: LoginDto): Promise<Session> {
    const user = await this.users.findForLogin(dto.email);
    if (!user) {
      this.dummyHash ??= this.hasher.hash('not-a-real-password');
      await this.hasher.verify(await this.dummyHash, dto.password);
      throw new UnauthorizedError(INVALID_CREDENTIALS);
    }
    if (!(await this.hasher.verify(user.passwordHash, dto.password))) throw new UnauthorizedError(INVALID_CREDENTIALS);
    const organization = await this.organizations.getCurrent({ organizationId: user.organizationId } as AuthContext);
    return { accessToken: this.sign(user), user, organization };
  }

  async me(auth: AuthContext): Promise<{ user: User | null; organization: Organization }> {
    const organization = await this.organizations.getCurrent(auth);
    const user = auth.userId ? await this.users.get(auth, auth.userId) : null;
    return { user, organization };
  }

  private sign(user: User): string {
    const payload: JwtPayload = { sub: user.id, org: user.organizationId };
    return this.jwt.sign(payload);
  }
}
