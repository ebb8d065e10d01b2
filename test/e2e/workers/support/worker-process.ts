/**
 * A worker process for the crash test: the real application with PROCESS_ROLES from the env.
 * With CRASH_AFTER_GATEWAY_PAYOUT set, it kills itself (SIGKILL, no cleanup) right after the
 * gateway accepted a payout and before the job could record anything.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { writeFileSync } from 'node:fs';
import type { Pool } from 'pg';
import { AppModule } from '../../../../src/app.module';
import {
  PAYMENT_GATEWAY,
  PaymentGateway,
} from '../../../../src/application/payments/payment-gateway.port';
import { loadConfig } from '../../../../src/infrastructure/config/config';
import { PG_POOL } from '../../../../src/infrastructure/database/database.tokens';
import { SimulatedPaymentGateway } from '../../../../src/infrastructure/payments/simulated-payment-gateway';

void NestFactory;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const crashMarker = process.env.CRASH_AFTER_GATEWAY_PAYOUT;
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(PAYMENT_GATEWAY)
    .useFactory({
      inject: [PG_POOL],
      factory: (pool: Pool): PaymentGateway => {
        const real = new SimulatedPaymentGateway(pool);
        if (!crashMarker) return real;
        return {
          fundEscrow: (r) => real.fundEscrow(r),
          release: (r) => real.release(r),
          refund: (r) => real.refund(r),
          savePaymentMethod: (r) => real.savePaymentMethod(r),
          chargeSaved: (r) => real.chargeSaved(r),
          refundCharge: (r) => real.refundCharge(r),
          payout: async (r) => {
            const answer = await real.payout(r);
            writeFileSync(crashMarker, JSON.stringify(answer));
            process.kill(process.pid, 'SIGKILL');
            return answer;
          },
        };
      },
    })
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    rawBody: true,
    logger: false,
  });
  app.enableShutdownHooks();
  await app.init();
  process.stdout.write('worker ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
