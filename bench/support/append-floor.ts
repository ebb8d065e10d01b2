/**
 * The floor of an event-sourced HTTP write on this machine: a bare Fastify route whose only
 * work is one single-event conditional append through the shipped `PostgresEventStore` (group
 * commit included). No authentication, validation, decision, read, projection nor reactor. Every
 * command of the real lifecycle does at least this much, so the floor's ratio to the INSERT
 * baseline bounds the ratio any command can reach on the same machine in the same run.
 */
import Fastify, { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore } from '../../src/infrastructure/event-store/postgres/postgres-event-store';

export interface AppendFloor {
  url: string;
  close(): Promise<void>;
}

export async function startAppendFloor(
  databaseUrl: string,
  poolSize: number,
): Promise<AppendFloor> {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  // Opened before timing (see ../shared/MEASURED.md: a cold pool measures its own warm-up).
  const warm = await Promise.all(Array.from({ length: poolSize }, () => pool.connect()));
  warm.forEach((client) => client.release());
  const store = new PostgresEventStore(pool, { connectionString: databaseUrl });
  const app: FastifyInstance = Fastify();
  app.post('/orders', async (_request, reply) => {
    const orderId = randomUUID();
    await store.appendToStream(
      `order-${orderId}`,
      [
        {
          id: randomUUID(),
          type: 'OrderPlaced',
          data: {
            orderId,
            amountCents: 49_900,
            commissionCents: 4_990,
            placedAt: new Date().toISOString(),
          },
          metadata: { correlationId: randomUUID() },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    return reply.code(201).send({ orderId });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/orders`,
    close: async () => {
      await app.close();
      await store.close();
      await pool.end();
    },
  };
}
