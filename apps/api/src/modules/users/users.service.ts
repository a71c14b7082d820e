import { Injectable } from '@nestjs/common';
import { UserRole } from '@whatrack/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { ConflictError, NotFoundError } from '../../common/errors/domain-errors';
import { Db } from '../../database/db';
import type { CreateUserDto } from './dto/create-user.dto';
import { PasswordHasher } from './password-hasher';
import { type UserRow, UsersRepository } from './users.repository';

export interface NewUser {
  organizationId: string;
  name: string;
  email: string;
  password: string;
  role: UserRole;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly db: Db,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Inserts a user with the given Db (so registration can run it inside its transaction). */
  async insert(db: Db, input: NewUser): Promise<UserRow> {
    const email = input.email.trim().toLowerCase();
    // Hashed first, so a taken address is not answered measurably faster than a free one.
    const passwordHash = await this.hasher.hash(input.password);
    if (await this.users.emailTaken(db, { email })) {
      throw new ConflictError(
        'This e-mail address cannot be used: sign in with it instead',
        undefined,
        'email_unavailable',
      );
    }
    const { organizationId, name, role } = input;
    return this.users.insert(db, { organizationId, name, email, passwordHash, role });
  }

  create(auth: AuthContext, dto: CreateUserDto): Promise<UserRow> {
    return this.insert(this.db, {
      organizationId: auth.organizationId,
      name: dto.name,
      email: dto.email,
      password: dto.password,
      role: dto.role ?? UserRole.AGENT,
    });
  }

  list(auth: AuthContext): Promise<UserRow[]> {
    return this.users.list(this.db, { organizationId: auth.organizationId });
  }

  async get(auth: AuthContext, id: string): Promise<UserRow> {
    const user = await this.users.findById(this.db, { organizationId: auth.organizationId, id });
    if (!user) throw NotFoundError.of('User', id);
    return user;
  }

  /** For login only: the user with its password hash, looked up across organizations by email. */
  findForLogin(email: string): Promise<(UserRow & { passwordHash: string }) | undefined> {
    return this.users.findForLogin(this.db, { email: email.trim().toLowerCase() });
  }

  /** The user, if it still belongs to the organization (a token's `org`). */
  findInOrganization(organizationId: string, id: string): Promise<UserRow | undefined> {
    return this.users.findById(this.db, { organizationId, id });
  }
}
