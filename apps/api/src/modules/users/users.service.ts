import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { UserRole } from '@whatrack/shared';
import type { EntityManager, Repository } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { ConflictError, NotFoundError } from '../../common/errors/domain-errors';
import type { CreateUserDto } from './dto/create-user.dto';
import { User } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';

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
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Inserts a user with the given manager (so registration can run it inside its transaction). */
  async insert(manager: EntityManager, input: NewUser): Promise<User> {
    const email = input.email.trim().toLowerCase();
    // Hashed first, so a taken address is not answered measurably faster than a free one.
    const passwordHash = await this.hasher.hash(input.password);
    const taken = await manager.exists(User, { where: { email } });
    if (taken) {
      throw new ConflictError(
        'This e-mail address cannot be used: sign in with it instead',
        undefined,
        'email_unavailable',
      );
    }
    const user = manager.create(User, { ...input, email, passwordHash });
    return manager.save(User, user);
  }

  create(auth: AuthContext, dto: CreateUserDto): Promise<User> {
    return this.insert(this.users.manager, {
      organizationId: auth.organizationId,
      name: dto.name,
      email: dto.email,
      password: dto.password,
      role: dto.role ?? UserRole.AGENT,
    });
  }

  list(auth: AuthContext): Promise<User[]> {
    return this.users.find({ where: { organizationId: auth.organizationId }, order: { name: 'ASC' } });
  }

  async get(auth: AuthContext, id: string): Promise<User> {
    const user = await this.users.findOneBy({ organizationId: auth.organizationId, id });
    if (!user) throw NotFoundError.of('User', id);
    return user;
  }

  /** For login only: the user with its password hash, looked up across organizations by email. */
  findForLogin(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }
}
