import { Injectable } from '@nestjs/common';
import { UserRole } from '@whatrack/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../common/errors/domain-errors';
import { Db } from '../../database/db';
import type { CreateUserDto } from './dto/create-user.dto';
import type { UpdateUserDto } from './dto/update-user.dto';
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
    private readonly clock: Clock,
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

  /**
   * Changes a member's role or active flag (see UpdateUserDto for who may do what). The organization's active
   * owners are locked first, so two concurrent demotions or deactivations of its last two owners cannot both pass.
   */
  async update(auth: AuthContext, id: string, dto: UpdateUserDto): Promise<UserRow> {
    const { organizationId } = auth;
    return this.db.transaction(async (tx) => {
      const owners = await this.users.lockActiveOwners(tx, { organizationId });
      const target = await this.users.findById(tx, { organizationId, id });
      if (!target) throw NotFoundError.of('User', id);
      const role = dto.role ?? target.role;
      const active = dto.active ?? target.active;
      if (role === target.role && active === target.active) return target;
      if (id === auth.userId && !active) {
        throw new UnprocessableError('You cannot deactivate yourself', undefined, 'cannot_deactivate_self');
      }
      const touchesOwner = target.role === UserRole.OWNER || role === UserRole.OWNER;
      if (touchesOwner && auth.role !== UserRole.OWNER) {
        throw new ForbiddenError(
          'Only an owner can grant or revoke the owner role or change an owner',
          undefined,
          'owner_required',
        );
      }
      const staysActiveOwner = role === UserRole.OWNER && active;
      if (owners.includes(id) && !staysActiveOwner && owners.length <= 1) {
        throw new UnprocessableError(
          'The organization needs an active owner: make someone else owner first',
          undefined,
          'last_owner',
        );
      }
      const updated = await this.users.update(tx, {
        organizationId,
        id,
        role: dto.role,
        active: dto.active,
        at: this.clock.now(),
      });
      if (!updated) throw NotFoundError.of('User', id);
      return updated;
    });
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
