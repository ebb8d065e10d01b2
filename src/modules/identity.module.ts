import { FileAccessPolicies } from '../application/files/file-references.contract';
import { VerificationFileAccess } from '../application/identity/verification-file-access';
import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type Redis from 'ioredis';
import type { Pool } from 'pg';
import { AccountRecipients } from '../application/identity/account-recipients';
import { AccountClosureService } from '../application/identity/account-closure.service';
import { AccountService } from '../application/identity/account.service';
import { AuthenticationService } from '../application/identity/authentication.service';
import { CloseDueAccountsHandler } from '../application/identity/close-due-accounts.command';
import {
  AccountCommandHandler,
  VerificationCommandHandler,
} from '../application/identity/identity.handlers';
import {
  AccessTokenIssuer,
  AccountDirectory,
  IdentitySchedules,
  LoginThrottleStore,
  PasswordHasher,
  PersonalDataKeys,
  SessionStore,
  StoredAnswers,
  TrustedDevices,
} from '../application/identity/identity.ports';
import { IdempotencyRecords } from '../interfaces/http/idempotency/idempotency-records';
import { IdentityReactor } from '../application/identity/identity.reactor';
import {
  AssociationVerificationQuery,
  GetAssociationVerificationHandler,
} from '../application/identity/association-verification.query';
import { AssociationVerificationController } from '../interfaces/http/identity/association-verification.controller';
import {
  GetProviderVerificationHandler,
  ProviderVerificationQuery,
} from '../application/identity/provider-verification.query';
import {
  FindProviderByReferenceHandler,
  ProviderReferenceQuery,
} from '../application/identity/provider-reference.query';
import { RegistrationService } from '../application/identity/registration.service';
import { SessionTokens } from '../application/identity/session-tokens';
import { VerificationService } from '../application/identity/verification.service';
import {
  Notifications,
  RecipientDirectory,
} from '../application/notifications/notifications.port';
import { AppConfig } from '../infrastructure/config/config';
import { PG_POOL } from '../infrastructure/database/database.tokens';
import { PostgresPersonalDataKeyring } from '../infrastructure/event-store/personal-data/personal-data-keyring';
import { Argon2PasswordHasher } from '../infrastructure/identity/argon2-password-hasher';
import { PostgresAccountDirectory } from '../infrastructure/identity/postgres-account-directory';
import { PostgresIdentitySchedules } from '../infrastructure/identity/postgres-identity-schedules';
import {
  RedisLoginThrottleStore,
  RedisTrustedDevices,
} from '../infrastructure/identity/redis-login-throttle';
import {
  PostgresSessionStore,
  RedisSessionRevocations,
} from '../infrastructure/identity/session-store';
import { REDIS } from '../infrastructure/infrastructure.module';
import { mailTransportFor } from '../infrastructure/notifications/mail-transport';
import { OutboxNotifications } from '../infrastructure/notifications/outbox-notifications';
import { SessionRevocations } from '../interfaces/http/auth/access-token';
import { AdminIdentityController } from '../interfaces/http/identity/admin-identity.controller';
import { AuthController } from '../interfaces/http/identity/auth.controller';
import { JwtAccessTokenIssuer } from '../interfaces/http/identity/jwt-access-token-issuer';
import { MeController } from '../interfaces/http/identity/me.controller';
import { ProvidersController } from '../interfaces/http/identity/providers.controller';
import { VerificationController } from '../interfaces/http/identity/verification.controller';
import { contextProjections } from '../projections/all-projections';
import { ReactorRegistry } from '../application/shared/reactor';
import { ProjectionRegistry } from '../projections/projection-registry';

/**
 * Identity and access: accounts, sessions, verification, notifications and the provider
 * profiles read model. Global, so every context can inject `Notifications`,
 * `ProviderVerificationQuery` and the guard finds `SessionRevocations`.
 */
@Module({})
export class IdentityModule implements OnModuleInit {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: IdentityModule,
      global: true,
      imports: [CqrsModule],
      controllers: [
        AuthController,
        MeController,
        VerificationController,
        AssociationVerificationController,
        ProvidersController,
        AdminIdentityController,
      ],
      providers: [
        { provide: PasswordHasher, useClass: Argon2PasswordHasher },
        {
          provide: AccountDirectory,
          inject: [PG_POOL],
          useFactory: (pool: Pool) =>
            new PostgresAccountDirectory(pool, config.PERSONAL_DATA_MASTER_KEY),
        },
        {
          provide: RedisSessionRevocations,
          inject: [REDIS],
          // A marker must outlive every access token of the session it revokes. The instance
          // closes its subscriber connection itself, on module destroy.
          useFactory: (redis: Redis) =>
            new RedisSessionRevocations(
              redis,
              config.REDIS_PREFIX,
              config.ACCESS_TOKEN_TTL_SECONDS + 60,
            ),
        },
        { provide: SessionRevocations, useExisting: RedisSessionRevocations },
        {
          provide: SessionStore,
          inject: [PG_POOL, RedisSessionRevocations],
          useFactory: (pool: Pool, revocations: RedisSessionRevocations) =>
            new PostgresSessionStore(pool, revocations, config.REFRESH_TOKEN_TTL_DAYS),
        },
        {
          provide: LoginThrottleStore,
          inject: [REDIS],
          useFactory: (redis: Redis) => new RedisLoginThrottleStore(redis, config.REDIS_PREFIX),
        },
        {
          provide: TrustedDevices,
          inject: [REDIS],
          useFactory: (redis: Redis) => new RedisTrustedDevices(redis, config.REDIS_PREFIX),
        },
        {
          provide: PersonalDataKeys,
          inject: [PG_POOL],
          useFactory: (pool: Pool) =>
            new PostgresPersonalDataKeyring(pool, config.PERSONAL_DATA_MASTER_KEY),
        },
        {
          provide: IdentitySchedules,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => new PostgresIdentitySchedules(pool),
        },
        { provide: StoredAnswers, useExisting: IdempotencyRecords },
        { provide: RecipientDirectory, useClass: AccountRecipients },
        {
          provide: Notifications,
          inject: [PG_POOL, RecipientDirectory],
          useFactory: (pool: Pool, recipients: RecipientDirectory) =>
            new OutboxNotifications(pool, recipients, mailTransportFor(config)),
        },
        { provide: AccessTokenIssuer, useClass: JwtAccessTokenIssuer },
        SessionTokens,
        RegistrationService,
        AuthenticationService,
        AccountService,
        AccountClosureService,
        VerificationService,
        ProviderVerificationQuery,
        GetProviderVerificationHandler,
        AssociationVerificationQuery,
        GetAssociationVerificationHandler,
        ProviderReferenceQuery,
        FindProviderByReferenceHandler,
        CloseDueAccountsHandler,
        AccountCommandHandler,
        VerificationCommandHandler,
        IdentityReactor,
        VerificationFileAccess,
      ],
      exports: [
        SessionRevocations,
        Notifications,
        RecipientDirectory,
        ProviderVerificationQuery,
        RegistrationService,
        AccountService,
        AccountClosureService,
        PersonalDataKeys,
      ],
    };
  }

  constructor(
    @Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry,
    @Inject(ReactorRegistry) private readonly reactors: ReactorRegistry,
    private readonly reactor: IdentityReactor,
    private readonly filePolicies: FileAccessPolicies,
    private readonly fileAccess: VerificationFileAccess,
  ) {}

  onModuleInit(): void {
    this.reactors.register(this.reactor);
    this.filePolicies.register('verification', this.fileAccess);
    for (const projection of contextProjections('identity')) this.projections.register(projection);
  }
}
