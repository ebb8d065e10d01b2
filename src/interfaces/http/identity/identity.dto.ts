import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/**
 * Shapes only: values (e-mail syntax, password policy, roles, phone, address) are checked by the
 * domain so that each refusal carries its own stable code (INVALID_EMAIL, WEAK_PASSWORD, UNKNOWN_ROLE...).
 */
export class RegisterDto {
  @ApiProperty({ example: 'camille.martin@example.fr' })
  @IsString()
  @MaxLength(320)
  email!: string;

  @ApiProperty({
    example: 'S3cure!pass',
    description: 'At least 8 characters mixing letters, digits and symbols',
  })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ example: 'Camille M.' })
  @IsString()
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({
    example: ['client'],
    description: 'Among client, provider, volunteer, association',
  })
  @IsArray()
  @ArrayMaxSize(4)
  @IsString({ each: true })
  roles!: string[];
}

export class TokenDto {
  @ApiProperty({ example: 'AAECAwQFBgcICQoLDA0ODw...' })
  @IsString()
  @MaxLength(512)
  token!: string;
}

export class EmailDto {
  @ApiProperty({ example: 'camille.martin@example.fr' })
  @IsString()
  @MaxLength(320)
  email!: string;
}

export class LoginDto extends EmailDto {
  @ApiProperty({ example: 'S3cure!pass' })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiPropertyOptional({
    description:
      'The `deviceToken` the last successful login on this device answered (or the `mk_device` cookie it set): ' +
      'this device is then throttled on its own, so failures from other clients never lock it out.',
    example: 'q3V0aG9yaXplZC1kZXZpY2UtdG9rZW4tZXhhbXBsZQ',
  })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  deviceToken?: string;
}

export class RefreshDto {
  @ApiProperty({ example: 'n0Ptx1Wl3...' })
  @IsString()
  @MaxLength(512)
  refreshToken!: string;
}

export class ResetPasswordDto extends TokenDto {
  @ApiProperty({ example: 'N3w!passw0rd' })
  @IsString()
  @MaxLength(1024)
  newPassword!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ example: 'S3cure!pass' })
  @IsString()
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({ example: 'N3w!passw0rd' })
  @IsString()
  @MaxLength(1024)
  newPassword!: string;
}

export class AddressDto {
  @ApiProperty({ example: '12 rue des Lilas' })
  @IsString()
  @MaxLength(400)
  line1!: string;

  @ApiPropertyOptional({ type: String, example: 'Bâtiment B', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  line2?: string | null;

  @ApiProperty({ example: '69003' })
  @IsString()
  @MaxLength(20)
  postalCode!: string;

  @ApiProperty({ example: 'Lyon' })
  @IsString()
  @MaxLength(200)
  city!: string;

  @ApiProperty({ example: 'FR' })
  @IsString()
  @MaxLength(10)
  country!: string;
}

export class UpdateProfileDto {
  @ApiPropertyOptional({ example: 'Camille Martin' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ type: String, example: '06 12 34 56 78', nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiPropertyOptional({ type: AddressDto, nullable: true, description: 'null clears it' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto | null;
}

export class RoleDto {
  @ApiProperty({ example: 'provider' })
  @IsString()
  @MaxLength(40)
  role!: string;
}

export class SubmitDocumentDto {
  @ApiProperty({
    example: 'urssaf_vigilance',
    description: 'kbis_or_cfe, rib, urssaf_vigilance, tax_compliance, rc_pro or dpae',
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

export class SalaryPortageDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  salaryPortage!: boolean;
}

export class RejectDocumentDto {
  @ApiProperty({ example: 'Attestation illisible' })
  @IsString()
  @MaxLength(1000)
  reason!: string;
}

export class ErasureDto {
  @ApiProperty({ example: 'gdpr_request', description: 'gdpr_request or account_closed' })
  @IsString()
  @MaxLength(40)
  reason!: string;
}

export class VerificationQueueQuery {
  @ApiPropertyOptional({
    example: 'submitted',
    enum: ['submitted', 'approved', 'rejected', 'expired'],
  })
  @IsOptional()
  @IsIn(['submitted', 'approved', 'rejected', 'expired'])
  status?: string;

  @ApiPropertyOptional({ example: '0b8a3e0e-7c55-4a8e-9d39-6f1f0e7c2b11' })
  @IsOptional()
  @IsUUID()
  providerId?: string;

  @ApiPropertyOptional({ example: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class NotificationQuery {
  @ApiPropertyOptional({ example: 'identity.email_confirmation' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  template?: string;

  @ApiPropertyOptional({ example: '0b8a3e0e-7c55-4a8e-9d39-6f1f0e7c2b11' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ example: 'queued', enum: ['queued', 'sent', 'failed'] })
  @IsOptional()
  @IsIn(['queued', 'sent', 'failed'])
  status?: 'queued' | 'sent' | 'failed';

  @ApiPropertyOptional({ example: '2024-11-23T10:00:00.000Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  before?: string;

  @ApiPropertyOptional({ example: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
