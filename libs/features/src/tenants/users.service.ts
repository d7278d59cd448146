import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Role } from '@lbi/contracts';
import { FindOptionsWhere, IsNull, Repository } from 'typeorm';
import { hashPassword } from '../auth/password';
import { Actor, currentActor } from './actor';
import { AuthUserCache, CachedAuthUser } from './auth-user-cache';
import { ClientsService } from './clients.service';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { normaliseEmail } from './email';
import { User } from './user.entity';
import { isUniqueViolation } from './unique-violation';

/**
 * Logins. A tenant admin manages its own tenant's users only; the platform admin manages every
 * tenant's (confined to one when it sends X-Client-Id) and other platform admins. Users are named in
 * logs by id, never by email.
 */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly clients: ClientsService,
    private readonly authCache: AuthUserCache,
  ) {}

  /** What the bearer-token check needs of a user, from a short-lived cache that every change evicts. */
  authUser(id: string): Promise<CachedAuthUser | null> {
    return this.authCache.get(id, async () => {
      const user = await this.findById(id);
      return user
        ? {
            id: user.id,
            role: user.role,
            clientId: user.clientId,
            isActive: user.isActive,
            tokenVersion: user.tokenVersion,
          }
        : null;
    });
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOne({ where: { id } });
  }

  /** Every account with this email: one per client at most, plus at most one platform admin. */
  findAllByEmail(email: string): Promise<User[]> {
    return this.users.find({ where: { email: normaliseEmail(email) }, order: { createdAt: 'ASC' } });
  }

  /** The platform admin (no client) with this email, if any. */
  findPlatformAdminByEmail(email: string): Promise<User | null> {
    return this.users.findOne({ where: { email: normaliseEmail(email), clientId: IsNull() } });
  }

  /** The signed-in user. */
  async me(): Promise<User> {
    const user = await this.findById(currentActor().userId);
    if (!user) throw new NotFoundException('Your account no longer exists');
    return user;
  }

  async list(): Promise<User[]> {
    const scope = this.scopeOf(currentActor());
    return this.users.find({
      where: scope === undefined ? {} : { clientId: scope },
      order: { createdAt: 'ASC' },
    });
  }

  async create(dto: CreateUserDto): Promise<User> {
    const actor = currentActor();
    const clientId = await this.clientIdForNewUser(actor, dto.client_id);
    if (clientId === null && dto.role !== Role.Admin) {
      throw new BadRequestException(
        `A ${dto.role} must belong to a client: set client_id (or send X-Client-Id); only admins may have no client`,
      );
    }
    try {
      const user = await this.users.save(
        this.users.create({
          email: normaliseEmail(dto.email),
          hashedPassword: await hashPassword(dto.password),
          role: dto.role,
          clientId,
          isActive: true,
        }),
      );
      this.logger.log({
        msg: 'user created',
        user_id: user.id,
        role: user.role,
        client_id: user.clientId,
        by_user_id: actor.userId,
      });
      return user;
    } catch (error) {
      // Emails are unique per client: the conflict can only be with an account the caller can list.
      if (isUniqueViolation(error)) {
        throw new ConflictException(
          clientId === null
            ? 'A platform admin with this email already exists'
            : 'A user with this email already exists in this client (see GET /users)',
        );
      }
      throw error;
    }
  }

  async update(id: string, dto: UpdateUserDto): Promise<User> {
    const actor = currentActor();
    if (dto.role === undefined && dto.is_active === undefined && dto.password === undefined) {
      throw new BadRequestException('Send at least one of role, is_active, password');
    }
    const scope = this.scopeOf(actor);
    const where: FindOptionsWhere<User> = scope === undefined ? { id } : { id, clientId: scope };
    const user = await this.users.findOne({ where });
    if (!user) throw new NotFoundException(`No user with id ${id}`);
    if (user.id === actor.userId && (dto.is_active === false || (dto.role && dto.role !== user.role))) {
      throw new BadRequestException(
        'You cannot deactivate yourself or change your own role; ask another admin',
      );
    }
    if (user.clientId === null && dto.role !== undefined && dto.role !== Role.Admin) {
      throw new BadRequestException('A platform admin (no client) must keep the role admin');
    }
    if (dto.role !== undefined) user.role = dto.role;
    if (dto.is_active !== undefined) user.isActive = dto.is_active;
    if (dto.password !== undefined) user.hashedPassword = await hashPassword(dto.password);
    // A new password or a deactivation ends every token issued before it.
    if (dto.password !== undefined || dto.is_active === false) user.tokenVersion += 1;
    const saved = await this.users.save(user);
    await this.authCache.changed(saved.id);
    this.logger.log({
      msg: 'user updated',
      user_id: saved.id,
      changed: Object.keys(dto).filter((key) => dto[key as keyof UpdateUserDto] !== undefined),
      by_user_id: actor.userId,
    });
    return saved;
  }

  /** At start (BOOTSTRAP_ADMIN_*): creates a platform admin when there is none; returns it if created. */
  async ensurePlatformAdmin(email: string, password: string): Promise<User | undefined> {
    const existing = await this.users.count({ where: { clientId: IsNull(), role: Role.Admin } });
    if (existing > 0) return undefined;
    return this.users.save(
      this.users.create({
        email: normaliseEmail(email),
        hashedPassword: await hashPassword(password),
        role: Role.Admin,
        clientId: null,
        isActive: true,
      }),
    );
  }

  /** `cli create-admin`: creates the platform admin with this email, or resets its password and re-activates it. */
  async createOrResetPlatformAdmin(
    email: string,
    password: string,
  ): Promise<{ user: User; created: boolean }> {
    const existing = await this.findPlatformAdminByEmail(email);
    if (existing) {
      existing.role = Role.Admin;
      existing.isActive = true;
      existing.hashedPassword = await hashPassword(password);
      existing.tokenVersion += 1;
      const saved = await this.users.save(existing);
      await this.authCache.changed(saved.id);
      return { user: saved, created: false };
    }
    const user = await this.users.save(
      this.users.create({
        email: normaliseEmail(email),
        hashedPassword: await hashPassword(password),
        role: Role.Admin,
        clientId: null,
        isActive: true,
      }),
    );
    return { user, created: true };
  }

  /** The tenant the actor's user management is confined to; undefined = every tenant (platform admin). */
  private scopeOf(actor: Actor): string | undefined {
    if (actor.platformAdmin) return actor.clientId;
    if (!actor.clientId) throw new ForbiddenException('Your account belongs to no client');
    return actor.clientId;
  }

  private async clientIdForNewUser(
    actor: Actor,
    requested: string | null | undefined,
  ): Promise<string | null> {
    if (actor.platformAdmin) {
      const clientId = requested === undefined ? (actor.clientId ?? null) : requested;
      if (clientId !== null && !(await this.clients.findById(clientId))) {
        throw new NotFoundException(`No client with id ${clientId}`);
      }
      return clientId;
    }
    if (requested === null) {
      throw new ForbiddenException(
        'Only the platform admin can create platform admins (users without client_id)',
      );
    }
    if (requested !== undefined && requested !== actor.clientId) {
      throw new ForbiddenException(
        'You can only create users in your own client: leave client_id out or set it to your own',
      );
    }
    return this.scopeOf(actor) as string;
  }
}
