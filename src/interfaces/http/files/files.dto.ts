import { ApiProperty } from '@nestjs/swagger';
import { FILE_PURPOSES, FilePurpose } from '../../../application/files/file-purposes';

export class FileResponse {
  @ApiProperty({ format: 'uuid', example: '3f6c2a9e-7b1d-4e8a-9c3f-2d5e6f7a8b90' })
  fileId!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The uploader.',
    example: '8d1f0c2e-4b5a-4f6e-9a7b-1c2d3e4f5a6b',
  })
  ownerId!: string;

  @ApiProperty({ enum: FILE_PURPOSES, example: 'deliverable' })
  purpose!: FilePurpose;

  @ApiProperty({ example: 48213 })
  sizeBytes!: number;

  @ApiProperty({
    description: 'SHA-256 of the bytes, hexadecimal.',
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  })
  sha256!: string;

  @ApiProperty({
    description: 'The type detected from the bytes (never the declared one).',
    example: 'application/pdf',
  })
  contentType!: string;

  @ApiProperty({ example: 'business-plan-v1.pdf' })
  originalName!: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-02T10:15:00.000Z' })
  uploadedAt!: string;
}

export class FileLinkResponse {
  @ApiProperty({
    description: 'Path of the download, to call without a bearer token before `expiresAt`.',
    example:
      '/files/3f6c2a9e-7b1d-4e8a-9c3f-2d5e6f7a8b90/content?expires=1772446800&signature=q8Yv0Zt6mJ2Q0bVwqf9d1Xk3Ue2y1nLrK7m4sP0cA5E',
  })
  url!: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-02T10:20:00.000Z' })
  expiresAt!: string;
}

/** The multipart body of POST /files, for the OpenAPI document. */
export const UPLOAD_BODY_SCHEMA = {
  type: 'object',
  required: ['purpose', 'file'],
  properties: {
    purpose: {
      type: 'string',
      enum: [...FILE_PURPOSES],
      description: 'What the file is for; send it before `file`.',
      example: 'deliverable',
    },
    file: {
      type: 'string',
      format: 'binary',
      description: 'The bytes; their own signature decides their type.',
    },
  },
};
