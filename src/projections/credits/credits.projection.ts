import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import { CREDIT_KINDS, CREDITS_EVENT_VERSIONS } from '../../domain/plans';
import { occurredAt, Projection, ProjectionSession } from '../runner/projection';
import { InsertBuffer, RowBuffer } from '../runner/row-buffer';
import { applyCreditEvent, balanceKey, CreditLedgerRows } from './credits.evolve';
import {
  CREDIT_ACCOUNTS,
  CREDIT_BALANCES,
  CREDIT_HISTORY_COLUMNS,
  CREDIT_LEDGER_TABLES,
  CreditHistoryRow,
} from './credits.tables';

export const CREDITS_EVENT_TYPES = Object.keys(CREDITS_EVENT_VERSIONS);

/**
 * `credit_ledger` (docs/plans-credits.md): each provider's balance per kind with its totals
 * (granted, spent, refunded, forfeited), whether a payment incident froze it, and the history
 * lines the provider reads ("Où est-ce que je contrôle … leur consommation ?").
 */
export class CreditLedgerProjection implements Projection {
  readonly name = 'credit_ledger';
  readonly version = 1;
  readonly handles = CREDITS_EVENT_TYPES;
  readonly tables = CREDIT_LEDGER_TABLES;

  async handle(
    events: RecordedEvent[],
    tx: PoolClient,
    session?: ProjectionSession,
  ): Promise<void> {
    const accounts = new RowBuffer(CREDIT_ACCOUNTS, tx, false, session);
    const balances = new RowBuffer(CREDIT_BALANCES, tx, false, session);
    const history = new InsertBuffer<CreditHistoryRow>(
      { table: 'credit_history', columns: CREDIT_HISTORY_COLUMNS, conflict: 'entry_id' },
      tx,
    );
    const accountOf = (e: RecordedEvent) => (e.data as { accountId: string }).accountId;
    const ids = [...new Set(events.map(accountOf))];
    await accounts.prefetch(ids);
    await balances.prefetch(ids.flatMap((id) => CREDIT_KINDS.map((k) => balanceKey(id, k))));
    for (const event of events) {
      const accountId = accountOf(event);
      const rows: CreditLedgerRows = {
        account: accounts.peek(accountId),
        balances: Object.fromEntries(
          CREDIT_KINDS.map((k) => [k, balances.peek(balanceKey(accountId, k))]).filter(
            ([, row]) => row !== undefined,
          ),
        ),
      };
      const actor = event.metadata?.actorId;
      const lines = applyCreditEvent(
        rows,
        {
          id: event.id,
          revision: event.revision,
          type: event.type,
          data: event.data,
          actorId: typeof actor === 'string' ? actor : null,
        },
        occurredAt(event),
      );
      if (rows.account) accounts.put(rows.account);
      for (const kind of CREDIT_KINDS) {
        const row = rows.balances[kind];
        if (row) balances.put(row);
      }
      for (const l of lines) history.add(l);
    }
    await accounts.flush();
    await balances.flush();
    await history.flush();
  }
}
