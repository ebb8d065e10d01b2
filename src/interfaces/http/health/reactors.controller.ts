import { Controller, Get, OnModuleInit } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthRegistry } from '../../../application/shared/health';
import { ReactorRunner } from '../../../infrastructure/subscriptions/reactor-runner';
import { Roles } from '../auth/actor';
import { POSITION } from './projections.controller';

/** A reactor waiting out a failure longer than this makes `/health` report reactors down. */
export const REACTOR_STALL_MS = 60_000;

type ReactorStatus = ReturnType<ReactorRunner['status']>[number];

/**
 * The reactors' section of `/health`: down while some reactor has been waiting out the same
 * failure for over `REACTOR_STALL_MS` (money it should move is not moving); a brief retry, such
 * as a lost concurrency race, does not count.
 */
export function reactorsHealth(reactors: ReactorStatus[], now: number) {
  const stalled = reactors.filter(
    (r) => r.failingSince !== null && now - Date.parse(r.failingSince) > REACTOR_STALL_MS,
  );
  return {
    healthy: stalled.length === 0,
    details: {
      reactors: reactors.map((r) => ({
        name: r.name,
        handled: r.handled,
        deadLettered: r.deadLettered,
        ...(r.failingSince ? { failingSince: r.failingSince, lastError: r.lastError } : {}),
      })),
    },
  };
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/reactors')
export class ReactorsController implements OnModuleInit {
  constructor(
    private readonly reactors: ReactorRunner,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.health.register({
      key: 'reactors',
      check: async () => reactorsHealth(this.reactors.status(), Date.now()),
    });
  }

  @Get()
  @Roles('finance', 'admin')
  @ApiOperation({
    summary: 'Reactor positions, outages and dead letters',
    description:
      'For each reactor running in this process: its position, events handled, events dead-lettered, and, while a step keeps ' +
      'failing for a transient reason, since when, how many attempts and the last error (the reactor waits, it never skips). ' +
      'Then the latest 100 dead letters of every process: events whose command the domain refused, with the refusal code.',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['reactors', 'deadLetters'],
      properties: {
        reactors: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'handled', 'deadLettered'],
            properties: {
              name: { type: 'string' },
              position: POSITION,
              handled: { type: 'integer' },
              deadLettered: { type: 'integer' },
              lastError: { type: 'string', nullable: true },
              failingSince: { type: 'string', format: 'date-time', nullable: true },
              attempts: { type: 'integer' },
            },
          },
        },
        deadLetters: {
          type: 'array',
          items: {
            type: 'object',
            required: ['reactor', 'eventId', 'eventType'],
            properties: {
              reactor: { type: 'string' },
              eventId: { type: 'string' },
              eventType: { type: 'string' },
              streamName: { type: 'string' },
              position: POSITION,
              errorCode: { type: 'string', nullable: true },
              errorMessage: { type: 'string', nullable: true },
              recordedAt: { type: 'string', format: 'date-time' },
            },
          },
        },
      },
      example: {
        reactors: [
          {
            name: 'payouts.wallet-crediting',
            position: { commit: '5321', prepare: '18004' },
            handled: 412,
            deadLettered: 1,
            lastError: null,
            failingSince: null,
            attempts: 0,
          },
        ],
        deadLetters: [
          {
            reactor: 'payouts.wallet-crediting',
            eventId: '0b9c3a52-7c1e-4f43-9a8e-2f5d1f0e6a11',
            eventType: 'EscrowReleased',
            streamName: 'escrow-5b0e3c1a-3f0d-4d1e-9d55-8f7b8f0f6c21',
            position: { commit: '5120', prepare: '17650' },
            errorCode: 'WALLET_CLOSED',
            errorMessage: 'The wallet is closed',
            recordedAt: '2026-11-23T10:15:00.000Z',
          },
        ],
      },
    },
  })
  async list() {
    return { reactors: this.reactors.status(), deadLetters: await this.reactors.deadLetters() };
  }
}
