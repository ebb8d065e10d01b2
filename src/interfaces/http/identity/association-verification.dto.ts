import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ASSOCIATION_DOCUMENT_KINDS } from '../../../domain/identity';
import { AddressResponse } from '../shared/read-model.dto';
import { AddressDto } from './identity.dto';
import { VerificationDocumentResponse } from './identity-responses.dto';

/** Requests and answers of an association's verification (issue 18). */

const UUID = { format: 'uuid', example: '0b8a3e0e-7c55-4a8e-9d39-6f1f0e7c2b11' } as const;
const REVISION = {
  type: String,
  nullable: true,
  example: '3',
  description: 'Stream revision after the change, for If-Match.',
} as const;

export const ASSOCIATION_REGISTRATION_EXAMPLE = {
  officialName: 'Les Restos du Cœur de Lyon',
  rnaNumber: 'W691234567',
  siren: '775672272',
  address: {
    line1: '12 rue des Lilas',
    line2: null,
    postalCode: '69003',
    city: 'Lyon',
    country: 'FR',
  },
  purpose: 'Aide alimentaire et accompagnement des personnes en difficulté.',
};

export class AssociationRegistrationDto {
  @ApiProperty({ example: ASSOCIATION_REGISTRATION_EXAMPLE.officialName, maxLength: 200 })
  @IsString()
  @MaxLength(400)
  officialName!: string;

  @ApiProperty({
    example: ASSOCIATION_REGISTRATION_EXAMPLE.rnaNumber,
    description: 'RNA number: W followed by 9 digits (400 `INVALID_RNA_NUMBER`).',
  })
  @IsString()
  @MaxLength(40)
  rnaNumber!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: ASSOCIATION_REGISTRATION_EXAMPLE.siren,
    description:
      'SIREN, 9 digits with a valid Luhn check digit (400 `INVALID_SIREN`); omit or null when none.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  siren?: string | null;

  @ApiProperty({ type: AddressDto, description: 'Registered office (siège social).' })
  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;

  @ApiProperty({ example: ASSOCIATION_REGISTRATION_EXAMPLE.purpose, maxLength: 2000 })
  @IsString()
  @MaxLength(4000)
  purpose!: string;

  @ApiProperty({
    example: 'Camille Martin',
    maxLength: 120,
    description: 'The contact person: personal data, encrypted and erased with the account.',
  })
  @IsString()
  @MaxLength(400)
  contactName!: string;
}

export class SubmitAssociationDocumentDto {
  @ApiProperty({
    example: 'association_statutes',
    enum: ASSOCIATION_DOCUMENT_KINDS,
    description: 'Another kind answers 400 `UNKNOWN_DOCUMENT_KIND`.',
  })
  @IsString()
  @MaxLength(40)
  kind!: string;

  @ApiProperty({
    example: '3f6c2a9e-7b1d-4e8a-9c3f-2d5e6f7a8b90',
    description: 'Id of a file you uploaded as `verification_document` (POST /files)',
  })
  @IsString()
  @MaxLength(500)
  uploadRef!: string;
}

export class AssociationRegistrationResponse {
  @ApiProperty({ example: ASSOCIATION_REGISTRATION_EXAMPLE.officialName }) officialName!: string;
  @ApiProperty({ example: ASSOCIATION_REGISTRATION_EXAMPLE.rnaNumber }) rnaNumber!: string;
  @ApiProperty({ type: String, nullable: true, example: ASSOCIATION_REGISTRATION_EXAMPLE.siren })
  siren!: string | null;
  @ApiProperty({ type: AddressResponse }) address!: AddressResponse;
  @ApiProperty({ example: ASSOCIATION_REGISTRATION_EXAMPLE.purpose }) purpose!: string;
}

export class AssociationVerificationFileResponse {
  @ApiProperty(UUID) associationId!: string;
  @ApiProperty({
    description: 'Registration details declared and every required document approved.',
  })
  verified!: boolean;
  @ApiProperty({ description: 'Whether the registration details have been declared.' })
  registered!: boolean;
  @ApiProperty({ type: AssociationRegistrationResponse, nullable: true })
  registration!: AssociationRegistrationResponse | null;
  @ApiProperty({ type: String, nullable: true, example: 'Camille Martin' })
  contactName!: string | null;
  @ApiProperty({ type: [String], example: ['association_registration_receipt'] })
  missing!: string[];
  @ApiProperty({ type: [String], example: [] }) expired!: string[];
  @ApiProperty({ type: [VerificationDocumentResponse] })
  documents!: VerificationDocumentResponse[];
  @ApiProperty(REVISION) revision!: string | null;
}

export class AssociationDocumentSubmittedResponse {
  @ApiProperty(UUID) associationId!: string;
  @ApiProperty(UUID) documentId!: string;
  @ApiProperty({ example: 'association_statutes' }) kind!: string;
  @ApiProperty({ enum: ['submitted'] }) status!: string;
  @ApiProperty(REVISION) revision!: string | null;
}
