import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AddressResponse } from '../shared/read-model.dto';

/** Answer shapes of the identity routes, for the OpenAPI document (the services build the values). */

const REVISION = {
  type: String,
  nullable: true,
  example: '3',
  description: 'Stream revision after the change, for If-Match.',
} as const;
const UUID = { format: 'uuid', example: '0b8a3e0e-7c55-4a8e-9d39-6f1f0e7c2b11' } as const;

export class RegisteredResponse {
  @ApiProperty(UUID) accountId!: string;
  @ApiProperty({ type: [String], example: ['client'] }) roles!: string[];
  @ApiProperty({ example: 'client' }) activeRole!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Providers only, e.g. PR-7K3Q9.',
  })
  providerReference!: string | null;
  @ApiProperty({ enum: [false] }) emailConfirmed!: false;
  @ApiProperty(REVISION) revision!: string | null;
}

export class EmailConfirmedResponse {
  @ApiProperty(UUID) accountId!: string;
  @ApiProperty({ enum: [true] }) emailConfirmed!: true;
  @ApiProperty(REVISION) revision!: string | null;
}

export class AcceptedResponse {
  @ApiProperty({
    enum: [true],
    description: 'The same answer whether the address is known or not.',
  })
  accepted!: true;
}

export class TokenPairResponse {
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiJ9…' }) accessToken!: string;
  @ApiProperty({ type: 'integer', description: 'Seconds.', example: 900 }) expiresIn!: number;
  @ApiProperty({ example: 'rt_9f8e7d…' }) refreshToken!: string;
  @ApiProperty({ format: 'date-time' }) refreshExpiresAt!: string;
  @ApiProperty(UUID) accountId!: string;
  @ApiProperty({ type: [String], example: ['client', 'provider'] }) roles!: string[];
  @ApiProperty({ example: 'provider' }) activeRole!: string;
  @ApiProperty({ type: String, nullable: true, example: 'PR-7K3Q9' }) providerReference!:
    string | null;
}

export class PasswordResetResponse {
  @ApiProperty(UUID) accountId!: string;
  @ApiProperty({ enum: [true] }) passwordReset!: true;
}

export class PasswordChangedResponse {
  @ApiProperty(UUID) accountId!: string;
  @ApiProperty(REVISION) revision!: string | null;
}

export class AccountResponse {
  @ApiProperty(UUID) accountId!: string;
  @ApiProperty({ enum: ['pending', 'open', 'closing', 'closed', 'erased'], example: 'open' })
  status!: string;
  @ApiProperty({ example: 'Actif' }) statusLabel!: string;
  @ApiProperty({ type: [String], example: ['client'] }) roles!: string[];
  @ApiProperty({ type: [String], example: ['Client'] }) roleLabels!: string[];
  @ApiProperty({ type: String, nullable: true, example: 'client' }) activeRole!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) providerReference!: string | null;
  @ApiProperty() emailConfirmed!: boolean;
  @ApiProperty({ example: 'camille@example.fr', description: '"[erased]" once erased.' })
  email!: string;
  @ApiProperty({ example: 'Camille' }) displayName!: string;
  @ApiProperty({ type: String, nullable: true, example: '06 12 34 56 78' }) phone!: string | null;
  @ApiProperty({ type: AddressResponse, nullable: true }) address!: AddressResponse | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) registeredAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closureEffectiveAt!:
    string | null;
  @ApiProperty(REVISION) revision!: string | null;
}

export class ProfileChangedResponse {
  @ApiProperty(UUID) accountId!: string;
  @ApiProperty({
    type: [String],
    example: ['displayName'],
    description: 'The fields that changed; never their values.',
  })
  changed!: string[];
  @ApiProperty(REVISION) revision!: string | null;
}

export class ClosureResponse {
  @ApiProperty(UUID) accountId!: string;
  @ApiProperty({ example: 'closing' }) status!: string;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the closure takes effect.',
  })
  effectiveAt?: string | null;
  @ApiProperty(REVISION) revision!: string | null;
}

export class ProviderByReferenceResponse {
  @ApiProperty({ example: 'PR-7K3Q9' }) providerReference!: string;
  @ApiProperty(UUID) providerId!: string;
  @ApiProperty({ example: 'Atelier Dupont' }) displayName!: string;
}

export class VerificationDocumentResponse {
  @ApiProperty(UUID) documentId!: string;
  @ApiProperty({ example: 'urssaf_vigilance' }) kind!: string;
  @ApiPropertyOptional({ example: 'Attestation de vigilance URSSAF' }) kindLabel?: string;
  @ApiProperty({ example: 'uploads/2024/11/7f3c2a.pdf' }) uploadRef!: string;
  @ApiProperty({ enum: ['submitted', 'approved', 'rejected', 'expired'] }) status!: string;
  @ApiPropertyOptional({ example: 'En attente de vérification' }) statusLabel?: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: String, nullable: true, ...UUID }) reviewedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason!: string | null;
}

export class VerificationFileResponse {
  @ApiProperty(UUID) providerId!: string;
  @ApiProperty() salaryPortage!: boolean;
  @ApiProperty({ description: 'Every required document approved and in date.' }) verified!: boolean;
  @ApiProperty({ type: [String], example: ['rc_pro'] }) missing!: string[];
  @ApiProperty({ type: [String], example: [] }) expired!: string[];
  @ApiProperty({ type: [String], example: [] }) expiringWithin15Days!: string[];
  @ApiProperty({ type: [VerificationDocumentResponse] }) documents!: VerificationDocumentResponse[];
  @ApiProperty(REVISION) revision!: string | null;
}

export class DocumentSubmittedResponse {
  @ApiProperty(UUID) providerId!: string;
  @ApiProperty(UUID) documentId!: string;
  @ApiProperty({ example: 'urssaf_vigilance' }) kind!: string;
  @ApiProperty({ enum: ['submitted'] }) status!: string;
  @ApiProperty(REVISION) revision!: string | null;
}

export class SalaryPortageResponse {
  @ApiProperty(UUID) providerId!: string;
  @ApiProperty() salaryPortage!: boolean;
  @ApiProperty(REVISION) revision!: string | null;
}

export class DocumentReviewedResponse {
  @ApiProperty(UUID) providerId!: string;
  @ApiProperty(UUID) documentId!: string;
  @ApiProperty({ enum: ['approved', 'rejected'] }) status!: string;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Approval only.',
  })
  expiresAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Rejection only.' }) reason?:
    string | null;
  @ApiProperty(UUID) reviewedBy!: string;
  @ApiProperty(REVISION) revision!: string | null;
}

export class VerificationQueueRowResponse {
  @ApiProperty(UUID) documentId!: string;
  @ApiProperty(UUID) providerId!: string;
  @ApiProperty({ example: 'rib' }) kind!: string;
  @ApiProperty() uploadRef!: string;
  @ApiProperty({ example: 'submitted' }) status!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: String, nullable: true }) reviewedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason!: string | null;
}

export class VerificationQueueResponse {
  @ApiProperty({ type: [VerificationQueueRowResponse] }) items!: VerificationQueueRowResponse[];
}

export class NotificationResponse {
  @ApiProperty(UUID) notificationId!: string;
  @ApiProperty() idempotencyKey!: string;
  @ApiProperty({ example: 'identity.email_confirmation' }) template!: string;
  @ApiProperty({ type: String, nullable: true }) recipientAccountId!: string | null;
  @ApiProperty({ type: String, nullable: true }) recipientEmail!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Template data; secrets never appear.',
  })
  data!: Record<string, unknown>;
  @ApiProperty({ example: 'email' }) channel!: string;
  @ApiProperty({ enum: ['queued', 'sent', 'failed'] }) status!: string;
  @ApiProperty({ type: 'integer' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) redactedAt!: string | null;
}

export class NotificationOutboxResponse {
  @ApiProperty({ type: [NotificationResponse] }) items!: NotificationResponse[];
}

export class StaffRolesResponse {
  @ApiProperty(UUID) accountId!: string;
  @ApiProperty({ type: [String], example: ['client', 'mediator'] }) roles!: string[];
  @ApiProperty({ ...UUID, description: 'The staff member who acted.' }) actedBy!: string;
  @ApiProperty(REVISION) revision!: string | null;
}

export class AccountStatusResponse {
  @ApiProperty(UUID) accountId!: string;
  @ApiProperty({ example: 'erased' }) status!: string;
  @ApiProperty(REVISION) revision!: string | null;
}
