import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { GIG_KINDS, GigKind } from '../../../domain/catalog';

export class GigExtraDto {
  @ApiPropertyOptional({
    description: 'Stable id of the extra; derived from its position when omitted.',
    example: 'express-48h',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  extraId?: string;

  @ApiProperty({ example: 'Livraison express en 48 h' })
  @IsString()
  name!: string;

  @ApiProperty({ description: 'TTC price in cents (VAT 20 % included).', example: 4_900 })
  @IsInt()
  priceCents!: number;

  @ApiProperty({
    description: 'Days added to the delivery time, negative to shorten it.',
    example: -2,
  })
  @IsInt()
  deltaDays!: number;
}

export class CreateGigDto {
  @ApiProperty({
    enum: GIG_KINDS,
    description: 'Packaged service, phone call or question; fixed once created.',
    example: 'package',
  })
  @IsIn(GIG_KINDS as unknown as string[])
  kind!: GigKind;

  @ApiProperty({ example: 'Business plan complet pour votre levée de fonds' })
  @IsString()
  title!: string;

  @ApiProperty({
    description: 'TTC price in cents; the VAT (20 %) is derived and shown apart.',
    example: 45_000,
  })
  @IsInt()
  priceCents!: number;

  @ApiProperty({ description: 'Exactly one category.', example: 'finance-gestion' })
  @IsString()
  category!: string;

  @ApiProperty({
    example:
      'Je rédige votre business plan : étude de marché, prévisionnel sur 3 ans, synthèse pour investisseurs.',
  })
  @IsString()
  description!: string;

  @ApiPropertyOptional({
    type: [String],
    description:
      'Ids of images the seller uploaded as `gig_gallery` (POST /files); anyone may read them once the gig is published.',
    example: ['3f6c2a9e-7b1d-4e8a-9c3f-2d5e6f7a8b90'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  galleryRefs?: string[];

  @ApiPropertyOptional({ nullable: true, type: String, example: 'media/gigs/bp-presentation.mp4' })
  @IsOptional()
  @IsString()
  videoRef?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['business plan', 'levée de fonds'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  keywords?: string[];

  @ApiProperty({ description: 'Days to deliver once the seller clicks "start".', example: 7 })
  @IsInt()
  deliveryDays!: number;

  @ApiPropertyOptional({
    description: 'Posted to the buyer automatically when an order is placed.',
    example: 'Merci pour votre commande ! Envoyez-moi vos chiffres clés.',
  })
  @IsOptional()
  @IsString()
  openingMessage?: string;

  @ApiPropertyOptional({
    type: [GigExtraDto],
    description: 'Paid extras; replaces the whole list when given.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => GigExtraDto)
  extras?: GigExtraDto[];
}

/** Every field optional: only the given ones change; `kind` is fixed at creation. */
export class UpdateGigDto extends PartialType(OmitType(CreateGigDto, ['kind'] as const)) {}

export class GigChangeResponse {
  @ApiProperty({ example: '3f1c2b9e-7a4d-4c51-9e0b-2d8a6f4b1c07' })
  gigId!: string;

  @ApiProperty({ enum: ['draft', 'published', 'paused', 'archived'], example: 'published' })
  status!: string;

  @ApiProperty({ example: 'Publié' })
  statusLabel!: string;

  @ApiProperty({ description: 'Stream revision, for If-Match.', example: '2' })
  revision!: string;
}
