import { ApiProperty } from '@nestjs/swagger';

/** Answer shape of GET /gigs/{gigId}, for the OpenAPI document. */

const UUID = { format: 'uuid' } as const;
const OPEN_OBJECT = { type: 'object', additionalProperties: true } as const;
const REVISION = { example: '2', description: 'Stream revision, for If-Match.' } as const;

export class GigViewResponse {
  @ApiProperty(UUID) gigId!: string;
  @ApiProperty(UUID) sellerId!: string;
  @ApiProperty({ example: 'package' }) kind!: string;
  @ApiProperty({ example: 'published' }) status!: string;
  @ApiProperty({ example: 'Publié' }) statusLabel!: string;
  @ApiProperty({
    ...OPEN_OBJECT,
    description:
      'Title, price, VAT, category, description, gallery, keywords, delivery days, extras.',
  })
  details!: Record<string, unknown>;
  @ApiProperty(REVISION) revision!: string;
}
