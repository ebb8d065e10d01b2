import { Injectable } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Partner, PartnersReader } from './partners.port';

export type { Partner } from './partners.port';

/**
 * Published contract (issue 18): the partner associations as of an instant (a partnership granted
 * at or before it and not ended at or before it), by name. The pot's close asks it at the month's
 * end; the vote asks it at the vote's instant. Read from the `solidarity_partners` read model, so a
 * partnership granted a moment ago may take a moment to show.
 */
export class ListPartnersQuery extends Query<Partner[]> {
  constructor(
    /** ISO instant. */
    readonly at: string,
  ) {
    super();
  }
}

@QueryHandler(ListPartnersQuery)
@Injectable()
export class ListPartnersHandler implements IQueryHandler<ListPartnersQuery, Partner[]> {
  constructor(private readonly reader: PartnersReader) {}

  execute(query: ListPartnersQuery): Promise<Partner[]> {
    return this.reader.partnersAt(query.at);
  }
}
