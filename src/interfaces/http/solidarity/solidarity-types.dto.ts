import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export const SOLIDARITY_TYPE_EXAMPLE = {
  solidarityTypeId: 'aide-alimentaire',
  label: 'Aide alimentaire',
  description: 'Collectes, tri et distribution de denrées, épiceries et repas solidaires.',
};

/** What staff type to define or revise a type. */
export class SolidarityTypeDto {
  @ApiProperty({
    description:
      'The label users see (1 to 80 characters). At definition its slug (lower case, no accents, words joined by dashes) becomes the id.',
    example: SOLIDARITY_TYPE_EXAMPLE.label,
  })
  @IsString()
  @MaxLength(200)
  label!: string;

  @ApiProperty({
    description: 'Up to 1 000 characters; may be empty.',
    example: SOLIDARITY_TYPE_EXAMPLE.description,
  })
  @IsString()
  @MaxLength(2_000)
  description!: string;
}

export class SolidarityTypeItemResponse {
  @ApiProperty({
    description: 'The slug of the label it was defined with.',
    example: SOLIDARITY_TYPE_EXAMPLE.solidarityTypeId,
  })
  solidarityTypeId!: string;

  @ApiProperty({ example: SOLIDARITY_TYPE_EXAMPLE.label })
  label!: string;

  @ApiProperty({ example: SOLIDARITY_TYPE_EXAMPLE.description })
  description!: string;

  @ApiProperty({ enum: ['active', 'retired'], example: 'active' })
  status!: string;
}

export class SolidarityTypeChangeResponse extends SolidarityTypeItemResponse {
  @ApiProperty({ example: 'Actif' })
  statusLabel!: string;

  @ApiProperty({ description: 'Stream revision, for If-Match.', example: '0' })
  revision!: string;
}

export class SolidarityTypeListResponse {
  @ApiProperty({ type: [SolidarityTypeItemResponse] })
  items!: SolidarityTypeItemResponse[];
}
