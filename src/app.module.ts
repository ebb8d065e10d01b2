import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { JwtModule } from '@nestjs/jwt';
import { LoggerModule } from 'nestjs-pino';
import { createSecretKey, randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { Clock } from './application/shared/clock';
import { AppConfig } from './infrastructure/config/config';
import { chooseLogFormat, prettyLogStream } from './infrastructure/logging/log-format';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { AccessTokens } from './interfaces/http/auth/access-token';
import { AuthGuard } from './interfaces/http/auth/auth.guard';
import { RequestAuthenticator } from './interfaces/http/auth/request-authenticator';
import { IdempotencyInterceptor } from './interfaces/http/idempotency/idempotency.interceptor';
import {
  IdempotencyPurge,
  IdempotencyRecords,
} from './interfaces/http/idempotency/idempotency-records';
import { ProblemDetailsFilter } from './interfaces/http/problem/problem-details.filter';
import { CONTEXT_MODULES } from './contexts';
import { ReactorRegistry } from './application/shared/reactor';
import { ReactorRunner } from './infrastructure/subscriptions/reactor-runner';

const CORRELATION_HEADER = 'x-correlation-id';

/** The pino-http options, with a readable stream when the chosen format is `pretty`. */
function withLogFormat<Options>(config: AppConfig, options: Options): Options | [Options, DestinationStream] {
  const format = chooseLogFormat(config.LOG_FORMAT, config.NODE_ENV, process.stdout.isTTY);
  return format === 'pretty' ? [options, prettyLogStream(process.stdout.isTTY === true)] : options;
}

@Module({})
export class AppModule {
  /** `clock` replaces the configured one (the demo seed writes a past on a movable clock). */
  static forRoot(config: AppConfig, extra: Type[] = [], options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: withLogFormat(config, {
            level: config.LOG_LEVEL,
            genReqId: (req, res) => {
              const given = req.headers[CORRELATION_HEADER];
              const id = typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
              res.setHeader(CORRELATION_HEADER, id);
              return id;
            },
            customProps: (req) => ({ correlationId: req.id }),
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["stripe-signature"]'],
          }),
        }),
        InfrastructureModule.forRoot(config, options.clock),
        CqrsModule.forRoot(),
        JwtModule.register({
          global: true,
          // A KeyObject: given a string, jsonwebtoken first tries to parse it as a public key on
          // every call, which cost a sixth of the API's CPU under load.
          secret: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as Buffer,
          signOptions: { expiresIn: config.ACCESS_TOKEN_TTL_SECONDS, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        ...CONTEXT_MODULES.map((m) => m.forRoot(config)),
        ...extra,
      ],
      providers: [
        AccessTokens,
        RequestAuthenticator,
        IdempotencyRecords,
        IdempotencyPurge,
        ReactorRunner,
        { provide: ReactorRegistry, useExisting: ReactorRunner },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [AccessTokens, RequestAuthenticator, ReactorRunner, ReactorRegistry, IdempotencyRecords],
      global: true,
    };
  }
}
