import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Shapes the read models share, for the OpenAPI document. */

export class PartyResponse {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Atelier Dupont',
    description: 'null once erased.',
  })
  displayName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'PR-7K3Q9' }) providerReference!:
    string | null;
  @ApiProperty({ description: 'Erased under the GDPR: the name is gone for good.' })
  erased!: boolean;
}

export class SubjectResponse {
  @ApiProperty({ example: 'order', description: 'What the money or the dispute is about.' })
  kind!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class RatingSummaryResponse {
  @ApiProperty({ type: Number, nullable: true, example: 4.8 }) average!: number | null;
  @ApiProperty({ type: 'integer', example: 12 }) count!: number;
}

export class AddressResponse {
  @ApiProperty({ example: '12 rue des Lilas' }) line1!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Bâtiment B' }) line2?:
    string | null;
  @ApiProperty({ example: '75011' }) postalCode!: string;
  @ApiProperty({ example: 'Paris' }) city!: string;
  @ApiPropertyOptional({ example: 'FR' }) country?: string;
}
