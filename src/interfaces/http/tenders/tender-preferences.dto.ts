import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { TENDER_CATEGORY_SLUGS } from '../../../domain/tenders';
import { PageQuery } from '../shared/page-query.dto';

/** Requests and answers of the tender preferences, hidden projects and unsubscribe routes. */

const UUID = { format: 'uuid', example: '3f6c2a9e-7b1d-4e8a-9c3f-2d5e6f7a8b90' } as const;

export class SetTenderPreferencesDto {
  @ApiProperty({
    type: [String],
    enum: TENDER_CATEGORY_SLUGS,
    example: ['web-development', 'design'],
    description:
      'Category slugs the digest keeps; empty for every category (400 `TENDER_PREFERENCES_UNKNOWN_CATEGORY` for a slug not in the list).',
  })
  @IsArray()
  @ArrayMaxSize(50)
  categories!: string[];

  @ApiProperty({
    type: [String],
    maxItems: 10,
    example: ['wordpress', 'boutique en ligne'],
    description:
      'At most 10 words or phrases of 2 to 40 characters; a project matches when its title or description contains one of them (case-insensitive). Empty for any project.',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  words!: string[];

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 0,
    example: 100_000,
    description:
      'Only projects whose budget range reaches this amount (TTC, cents): budget max ≥ it. Null for any budget.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minBudgetCents!: number | null;

  @ApiProperty({
    example: true,
    description: 'Whether the daily digest ("newsletter quotidienne") is sent at 07:00.',
  })
  @IsBoolean()
  digest!: boolean;
}

export class TenderCategoryView {
  @ApiProperty({ example: 'web-development' }) slug!: string;
  @ApiProperty({ example: 'Développement web' }) label!: string;
}

export class TenderPreferencesResponse {
  @ApiProperty(UUID) providerId!: string;
  @ApiProperty({ type: [TenderCategoryView], description: 'Empty: every category.' })
  categories!: TenderCategoryView[];
  @ApiProperty({ type: [String], example: ['wordpress'], description: 'Empty: any project.' })
  words!: string[];
  @ApiProperty({ type: 'integer', nullable: true, example: 100_000 })
  minBudgetCents!: number | null;
  @ApiProperty({ example: true }) digest!: boolean;
  @ApiProperty({ description: 'False until the provider saves preferences (defaults shown).' })
  saved!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) savedAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the digest was switched off by the e-mail’s link, since the last save.',
  })
  unsubscribedAt!: string | null;
  @ApiProperty({ type: 'integer', example: 2 }) hiddenProjects!: number;
  @ApiProperty({
    type: [TenderCategoryView],
    description: 'Every category a project can be posted in, to choose from.',
  })
  availableCategories!: TenderCategoryView[];
  @ApiProperty({
    type: String,
    example: '3',
    description: 'Revision of the preferences stream, for If-Match (`-1` before any).',
  })
  revision!: string;
}

export class HiddenProjectChangeResponse {
  @ApiProperty(UUID) projectId!: string;
  @ApiProperty({ description: 'Whether the project is now hidden from my list and digests.' })
  hidden!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) hiddenAt!: string | null;
  @ApiProperty({ description: 'False when the project was already in that state (a repeat).' })
  changed!: boolean;
  @ApiProperty({ type: String, example: '4' }) revision!: string;
}

export class HiddenProjectsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 0, minimum: 0, maximum: 100000, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100000)
  offset?: number;
}

export class HiddenProjectView {
  @ApiProperty(UUID) projectId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Site vitrine pour un cabinet' })
  title!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'web-development' })
  category!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Développement web' })
  categoryLabel!: string | null;
  @ApiProperty({ description: 'Whether the project still takes offers.' }) open!: boolean;
  @ApiProperty({ format: 'date-time' }) hiddenAt!: string;
}

export class HiddenProjectListResponse {
  @ApiProperty({ type: 'integer', example: 1 }) total!: number;
  @ApiProperty({ type: [HiddenProjectView] }) items!: HiddenProjectView[];
}

export class UnsubscribeQuery {
  @ApiProperty({
    description: 'From the digest e-mail’s link: the provider and a signature.',
    example: '3f6c2a9e-7b1d-4e8a-9c3f-2d5e6f7a8b90.q8Yv0Zt6mJ2Q0bVwqf9d1Xk3Ue2y1nLrK7m4sP0cA5E',
    maxLength: 200,
  })
  @IsString()
  @MaxLength(200)
  token!: string;
}

export class UnsubscribeResponse {
  @ApiProperty({ example: false, description: 'The digest is off.' }) digest!: boolean;
  @ApiProperty({ description: 'False when it was already off (the link is idempotent).' })
  changed!: boolean;
  @ApiProperty({ example: 'Vous ne recevrez plus la newsletter quotidienne des projets.' })
  message!: string;
}
