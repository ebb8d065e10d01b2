import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export const SERVICE_TYPE_EXAMPLE = {
  serviceTypeId: '0b7a1c2d-3e4f-5a6b-8c7d-9e0f1a2b3c4d',
  label: 'Ménage',
  description: 'Entretien courant du logement : sols, poussières, cuisine, salle de bain.',
  category: 'home',
};

/** What staff type to create or replace a type. */
export class ServiceTypeDto {
  @ApiProperty({
    description:
      'The label users see (1 to 60 characters). Its slug (lower case, no accents, words joined by dashes) is the key: two labels with one slug are the same type.',
    example: SERVICE_TYPE_EXAMPLE.label,
  })
  @IsString()
  @MaxLength(200)
  label!: string;

  @ApiProperty({
    description: 'Up to 1 000 characters; may be empty.',
    example: SERVICE_TYPE_EXAMPLE.description,
  })
  @IsString()
  @MaxLength(2_000)
  description!: string;

  @ApiProperty({
    description: 'A grouping for the front ends: lower-case words joined by dashes.',
    example: SERVICE_TYPE_EXAMPLE.category,
  })
  @IsString()
  @MaxLength(100)
  category!: string;
}

export class ServiceTypeListQuery {
  @ApiPropertyOptional({ description: 'Only the types of this category.', example: 'home' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;
}

export class ServiceTypeChangeResponse {
  @ApiProperty({ format: 'uuid', example: SERVICE_TYPE_EXAMPLE.serviceTypeId })
  serviceTypeId!: string;

  @ApiProperty({ example: SERVICE_TYPE_EXAMPLE.label })
  label!: string;

  @ApiProperty({ example: SERVICE_TYPE_EXAMPLE.description })
  description!: string;

  @ApiProperty({ example: SERVICE_TYPE_EXAMPLE.category })
  category!: string;

  @ApiProperty({ enum: ['active', 'retired'], example: 'active' })
  status!: string;

  @ApiProperty({ example: 'Actif' })
  statusLabel!: string;

  @ApiProperty({ description: 'Stream revision, for If-Match.', example: '0' })
  revision!: string;
}

export class ServiceTypeItemResponse {
  @ApiProperty({ format: 'uuid', example: SERVICE_TYPE_EXAMPLE.serviceTypeId })
  serviceTypeId!: string;

  @ApiProperty({ example: SERVICE_TYPE_EXAMPLE.label })
  label!: string;

  @ApiProperty({ example: SERVICE_TYPE_EXAMPLE.description })
  description!: string;

  @ApiProperty({ example: SERVICE_TYPE_EXAMPLE.category })
  category!: string;

  @ApiProperty({ enum: ['active', 'retired'], example: 'active' })
  status!: string;
}

export class ServiceTypeListResponse {
  @ApiProperty({ type: [ServiceTypeItemResponse] })
  items!: ServiceTypeItemResponse[];
}

export class ServiceTypeDetailResponse extends ServiceTypeItemResponse {
  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-01-05T09:00:00.000Z' })
  updatedAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null })
  retiredAt!: string | null;
}
