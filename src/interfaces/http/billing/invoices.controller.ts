import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InvoiceListResponse, InvoiceResponse } from './billing-responses.dto';
import { Pool } from 'pg';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import {
  findInvoice,
  InvoiceView,
  isInvoiceParty,
  listInvoices,
} from '../../../projections/invoices/invoice.queries';
import { renderInvoicePdf } from '../../../projections/invoices/invoice-pdf';
import { Actor, CurrentActor } from '../auth/actor';
import { ProblemException } from '../problem/problem-details.filter';
import { InvoiceListQuery } from './billing.dto';
import { IdParam } from '../problem/id-param';

const mayReadAll = (actor: Actor) => actor.has('finance') || actor.has('admin');

@ApiTags('invoices')
@ApiBearerAuth()
@Controller('invoices')
export class InvoicesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  @ApiOperation({
    summary: 'My invoices',
    description:
      'Invoices and credit notes I issued (as a seller, under the billing mandate) or received; finance and admin may name another account.',
  })
  @ApiResponse({ status: 200, type: InvoiceListResponse })
  @ApiResponse({
    status: 403,
    description:
      "`NOT_INVOICE_PARTY`: another account's invoices, without the finance or admin role.",
  })
  list(@CurrentActor() actor: Actor, @Query() q: InvoiceListQuery) {
    if (q.accountId && q.accountId.toLowerCase() !== actor.accountId && !mayReadAll(actor)) {
      throw new ProblemException(
        403,
        'NOT_INVOICE_PARTY',
        'Only finance and admin may list another account’s invoices',
      );
    }
    return listInvoices(this.pool, q.accountId?.toLowerCase() ?? actor.accountId, {
      limit: q.limit ?? 50,
      offset: q.offset ?? 0,
      year: q.year,
    });
  }

  @Get(':invoiceId.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'Download an invoice as PDF',
    description:
      'The same invoice as GET /invoices/{invoiceId}, rendered with its mandatory mentions; for its parties, finance and admin.',
  })
  @ApiResponse({
    status: 200,
    description: 'The PDF, as an attachment named after the invoice number.',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiResponse({ status: 403, description: '`NOT_INVOICE_PARTY`: not a party of the invoice.' })
  @ApiResponse({ status: 404, description: '`INVOICE_NOT_FOUND`: no invoice under this id.' })
  async pdf(
    @CurrentActor() actor: Actor,
    @IdParam('invoiceId') invoiceId: string,
  ): Promise<StreamableFile> {
    const invoice = await this.readable(actor, invoiceId);
    const bytes = await renderInvoicePdf(invoice);
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      disposition: `attachment; filename="${invoice.number}.pdf"`,
      length: bytes.length,
    });
  }

  @Get(':invoiceId')
  @ApiOperation({
    summary: 'One invoice with its mandatory mentions, as JSON',
    description: 'For its parties, finance and admin; 404 `INVOICE_NOT_FOUND` for an unknown id.',
  })
  @ApiResponse({ status: 200, type: InvoiceResponse })
  @ApiResponse({ status: 403, description: '`NOT_INVOICE_PARTY`: not a party of the invoice.' })
  @ApiResponse({ status: 404, description: '`INVOICE_NOT_FOUND`: no invoice under this id.' })
  one(@CurrentActor() actor: Actor, @IdParam('invoiceId') invoiceId: string): Promise<InvoiceView> {
    return this.readable(actor, invoiceId);
  }

  private async readable(actor: Actor, invoiceId: string): Promise<InvoiceView> {
    const invoice = await findInvoice(this.pool, invoiceId);
    if (!invoice)
      throw new ProblemException(404, 'INVOICE_NOT_FOUND', 'No invoice under this id', {
        invoiceId,
      });
    if (!isInvoiceParty(invoice, actor.accountId) && !mayReadAll(actor)) {
      throw new ProblemException(
        403,
        'NOT_INVOICE_PARTY',
        'Only the parties of an invoice, finance and admin may read it',
        { invoiceId },
      );
    }
    return invoice;
  }
}
