import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager, QueryDeepPartialEntity } from 'typeorm';
import { ConfigError, type AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import type { Actor } from '../../core/auth/actor.js';
import type { CreateUserDto } from './dtos/create-user.dto.js';
import type { UpdateUserDto } from './dtos/update-user.dto.js';
import { UserEntity } from './entities/user.entity.js';
import { passwordHasher } from './password-hasher.js';
import { passwordProblem } from './password-policy.js';
import { UserAvailabilityHooks, type UserUnavailable } from './user-availability.hooks.js';
import { UsersException, UsersErrorCode } from './users.exception.js';
import { UsersRepository } from './users.repository.js';

const DEFAULT_ADMIN_EMAIL = 'admin@okienko.local';

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly users: UsersRepository,
    private readonly availability: UserAvailabilityHooks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(limit: number, offset: number): Promise<[UserEntity[], number]> {
    return this.users.list(limit, offset);
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw new UsersException(UsersErrorCode.NotFound, `User ${id} does not exist`);
    return user;
  }

  async create(dto: CreateUserDto): Promise<UserEntity> {
    await this.assertEmailFree(dto.email);
    return this.users
      .insert({
        email: dto.email.trim(),
        name: dto.name.trim(),
        passwordHash: await passwordHasher.hash(dto.password),
        role: dto.role ?? 'agent',
        locale: dto.locale ?? 'pl',
        active: dto.active ?? true,
        absent: false,
      })
      .catch((error: unknown) => this.rethrowEmailTaken(error, dto.email));
  }

  /** Which of these ids are users (for modules that keep lists of users, e.g. queue members). */
  existingIds(ids: string[]): Promise<string[]> {
    return this.users.existingIds(ids);
  }

  /**
   * Changes a user. Marking them absent or deactivating them hands their open
   * tickets back to their queues, or to `absenceSubstituteId`, in the same
   * transaction (see UserAvailabilityHooks), so no ticket waits in the inbox of
   * someone who is away.
   */
  async update(id: string, dto: UpdateUserDto, actor: Actor): Promise<UserEntity> {
    const user = await this.get(id);
    if (dto.email !== undefined && dto.email.toLowerCase() !== user.email.toLowerCase()) await this.assertEmailFree(dto.email);
    const losesAdmin = user.role === 'admin' && user.active && (dto.role === 'agent' || dto.active === false);
    const unavailable = this.unavailability(id, dto, actor);
    const { password, absenceSubstituteId: _substitute, ...fields } = dto;
    // A new password signs the user out everywhere: access tokens issued before it stop working.
    const patch: QueryDeepPartialEntity<UserEntity> = {
      ...fields,
      ...(password
        ? { passwordHash: await passwordHasher.hash(password), tokensValidAfter: new Date(), tokenGeneration: () => 'token_generation + 1' }
        : {}),
    };
    const change = async (manager: EntityManager): Promise<void> => {
      if (unavailable?.substituteId) {
        // Locked with the user, so the substitute cannot go away between this check and the commit.
        const locked = await this.users.lockForChange(manager, [id, unavailable.substituteId]);
        this.assertSubstitute(locked.find((u) => u.id === unavailable.substituteId), unavailable.substituteId);
      }
      await this.users.updateIn(manager, id, patch);
      if (unavailable) await this.availability.unavailable(manager, unavailable);
    };
    const save = losesAdmin
      ? this.users.withActiveAdminsLocked(async (manager, adminIds) => {
          this.assertAnotherAdmin(id, adminIds);
          await change(manager);
        })
      : unavailable
        ? this.users.transaction(change)
        : this.users.update(id, patch);
    await save.catch((error: unknown) => this.rethrowEmailTaken(error, dto.email ?? ''));
    return this.get(id);
  }

  async delete(id: string, actor: Actor): Promise<void> {
    const user = await this.get(id);
    if (actor.userId === id) throw new UsersException(UsersErrorCode.SelfDelete, 'You cannot delete your own account');
    if (user.role === 'admin' && user.active) {
      await this.users.withActiveAdminsLocked(async (manager, adminIds) => {
        this.assertAnotherAdmin(id, adminIds);
        await manager.delete(UserEntity, { id });
      });
    } else {
      await this.users.delete(id);
    }
  }

  /** The user for these credentials, or null; inactive users are refused. */
  async verifyCredentials(email: string, password: string): Promise<UserEntity | null> {
    const user = await this.users.findWithPasswordByEmail(email);
    if (!user) {
      // Spend the same time as a real check so response times do not reveal which e-mails exist.
      await passwordHasher.verify(await this.dummyHash(), password);
      return null;
    }
    const ok = await passwordHasher.verify(user.passwordHash, password);
    if (!ok || !user.active) return null;
    await this.users.update(user.id, { lastLoginAt: new Date() });
    return user;
  }

  /**
   * On the first start, creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD,
   * or with generated credentials printed once.
   */
  async ensureFirstAdmin(): Promise<void> {
    if ((await this.users.countAll()) > 0) return;
    const email = this.config.adminEmail ?? DEFAULT_ADMIN_EMAIL;
    const generated = this.config.adminPassword === null;
    const problem = generated ? null : passwordProblem(this.config.adminPassword!);
    if (problem) throw new ConfigError('ADMIN_PASSWORD', problem.replace(/^password /, ''));
    const password = this.config.adminPassword ?? randomBytes(12).toString('base64url');
    try {
      await this.users.insert({
        email, name: 'Administrator', passwordHash: await passwordHasher.hash(password), role: 'admin', locale: 'pl', active: true, absent: false,
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') return; // another instance created it first
      throw error;
    }
    if (generated) {
      // Printed once, on purpose outside the JSON log, so the operator sees it.
      process.stdout.write(
        `\nFirst administrator created: ${email} / ${password}\nSign in and change the password (or set ADMIN_EMAIL/ADMIN_PASSWORD before the first start).\n\n`,
      );
    } else {
      this.logger.log(`first administrator created: ${email}`);
    }
  }

  private dummy?: Promise<string>;
  private dummyHash(): Promise<string> {
    this.dummy ??= passwordHasher.hash('not-a-real-password');
    return this.dummy;
  }

  private async assertEmailFree(email: string): Promise<void> {
    if (await this.users.findByEmail(email)) {
      throw new UsersException(UsersErrorCode.EmailTaken, `A user with the e-mail ${email} already exists`);
    }
  }

  /** What the change means for the user's open tickets: null when they stay available. */
  private unavailability(id: string, dto: UpdateUserDto, actor: Actor): UserUnavailable | null {
    const reason = dto.active === false ? 'inactive' : dto.absent === true ? 'absent' : null;
    const substituteId = dto.absenceSubstituteId ?? null;
    if (substituteId !== null && reason === null) {
      throw new UsersException(
        UsersErrorCode.SubstituteInvalid, 'absenceSubstituteId is only taken with absent: true or active: false', 'absenceSubstituteId',
      );
    }
    if (substituteId === id) {
      throw new UsersException(UsersErrorCode.SubstituteInvalid, 'absenceSubstituteId must be another user', 'absenceSubstituteId');
    }
    return reason === null ? null : { userId: id, reason, substituteId, actor };
  }

  private assertSubstitute(substitute: UserEntity | undefined, substituteId: string): void {
    if (!substitute?.active || substitute.absent) {
      const problem = !substitute ? 'is not a user' : !substitute.active ? 'is not active' : 'is absent';
      throw new UsersException(UsersErrorCode.SubstituteInvalid, `absenceSubstituteId ${substituteId} ${problem}`, 'absenceSubstituteId');
    }
  }

  /** `adminIds`: the active admins, locked; refuses when `id` is the only one of them. */
  private assertAnotherAdmin(id: string, adminIds: string[]): void {
    if (adminIds.every((adminId) => adminId === id)) {
      throw new UsersException(UsersErrorCode.LastAdmin, 'The last active administrator cannot be removed, demoted or deactivated');
    }
  }

  /** A concurrent request may take the e-mail between our check and our write; the unique index then answers. */
  private rethrowEmailTaken(error: unknown, email: string): never {
    if ((error as { code?: string }).code === '23505') {
      throw new UsersException(UsersErrorCode.EmailTaken, `A user with the e-mail ${email} already exists`);
    }
    throw error;
  }
}
