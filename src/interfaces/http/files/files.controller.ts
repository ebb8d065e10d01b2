import {
  applyDecorators,
  Controller,
  Get,
  Headers,
  Post,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { FileAccess } from '../../../application/files/file-access.service';
import { fileNotFound, fileTooLarge } from '../../../application/files/file.errors';
import { FileLinks, SignedLink } from '../../../application/files/file-links';
import {
  FILE_PURPOSES,
  FilePurpose,
  isFilePurpose,
  MAX_UPLOAD_BYTES,
  PURPOSE_RULES,
} from '../../../application/files/file-purposes';
import { FileRecords } from '../../../application/files/file-records.port';
import { FileStorage } from '../../../application/files/file-storage.port';
import { FileUploads } from '../../../application/files/file-uploads.service';
import { FileView, fileView } from '../../../application/files/file-view';
import { Actor, CurrentActor, Public } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ProblemException } from '../problem/problem-details.filter';
import { newId } from '../shared/http-support';
import { FileLinkResponse, FileResponse, UPLOAD_BODY_SCHEMA } from './files.dto';

const FILE_ID = { name: 'fileId', format: 'uuid', example: '3f6c2a9e-7b1d-4e8a-9c3f-2d5e6f7a8b90' };
const problem = (example: Record<string, unknown>) => ({
  'application/problem+json': {
    example: { type: 'about:blank', title: 'Error', detail: 'See the code', ...example },
  },
});
const LIMITS = FILE_PURPOSES.map(
  (p) =>
    `\`${p}\`: ${PURPOSE_RULES[p].maxBytes / 1024 / 1024} MiB, ${PURPOSE_RULES[p].types.join(', ')}`,
).join('; ');

/** The id parameter, the answer, and the 404 an unknown, erased or unreadable file gets. */
const ApiReadable = (type: Function) =>
  applyDecorators(
    ApiBearerAuth(),
    ApiParam(FILE_ID),
    ApiOkResponse({ type }),
    ApiResponse({
      status: 404,
      description: '`FILE_NOT_FOUND`: unknown, erased, or not yours to read.',
      content: problem({ status: 404, code: 'FILE_NOT_FOUND' }),
    }),
  );

/** Uploads, metadata and signed downloads (docs/files.md). */
@ApiTags('files')
@Controller('files')
export class FilesController {
  constructor(
    private readonly uploads: FileUploads,
    private readonly access: FileAccess,
    private readonly links: FileLinks,
    private readonly records: FileRecords,
    private readonly storage: FileStorage,
  ) {}

  @Post()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Upload a file',
    description:
      `A multipart form with \`purpose\` then \`file\`. The size limit and the allowed types depend on the purpose and are checked on the bytes, never the declared content type (${LIMITS}). ` +
      "A file the virus scanner flags is refused. The answer is the file's record; commands then name it by `fileId` (`fileRefs`, `evidenceRefs`).",
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A repeat of the same upload gets the first answer back.',
  })
  @ApiCreatedResponse({ type: FileResponse, description: 'Stored.' })
  @ApiResponse({
    status: 400,
    description:
      '`FILE_REQUIRED` (no `file` part), `FILE_PURPOSE_INVALID` (`allowedPurposes` lists them), `MALFORMED_MULTIPART` (no boundary, a cut-off body, more than one file or too many parts).',
    content: problem({ status: 400, code: 'FILE_PURPOSE_INVALID' }),
  })
  @ApiResponse({
    status: 413,
    description: "`FILE_TOO_LARGE`: over the purpose's `maxBytes`.",
    content: problem({ status: 413, code: 'FILE_TOO_LARGE', maxBytes: 5242880 }),
  })
  @ApiResponse({
    status: 415,
    description: '`MULTIPART_REQUIRED`: the body is not `multipart/form-data`.',
    content: problem({ status: 415, code: 'MULTIPART_REQUIRED' }),
  })
  @ApiResponse({
    status: 422,
    description:
      '`FILE_TYPE_NOT_ALLOWED` (the bytes are not a type the purpose takes: `detectedType`, `allowedTypes`), `FILE_INFECTED`, `FILE_EMPTY`.',
    content: problem({
      status: 422,
      code: 'FILE_TYPE_NOT_ALLOWED',
      detectedType: null,
      allowedTypes: ['application/pdf'],
    }),
  })
  async upload(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Headers('idempotency-key') key?: string,
  ): Promise<FileResponse> {
    const { purpose, file } = await readUpload(request);
    return this.uploads.upload({
      fileId: newId('file', actor, key),
      ownerId: actor.accountId,
      purpose,
      originalName: file.filename,
      bytes: file.bytes,
    });
  }

  @Get(':fileId')
  @ApiOperation({
    summary: "A file's record",
    description:
      "The uploader, and whoever the file was attached to (the other party of the order, the dispute's parties and mediation staff, anyone for a published gig's gallery, verification staff); 404 for anyone else.",
  })
  @ApiReadable(FileResponse)
  async get(@CurrentActor() actor: Actor, @IdParam('fileId') fileId: string): Promise<FileView> {
    return fileView(await this.access.readable(fileId, actor));
  }

  @Get(':fileId/link')
  @ApiOperation({
    summary: 'A short-lived signed download link',
    description:
      'Whoever may read the file gets a link valid `FILE_LINK_TTL_SECONDS` (default 300) that downloads it without a bearer token.',
  })
  @ApiReadable(FileLinkResponse)
  async link(@CurrentActor() actor: Actor, @IdParam('fileId') fileId: string): Promise<SignedLink> {
    await this.access.readable(fileId, actor);
    return this.links.sign(fileId);
  }

  @Get(':fileId/content')
  @Public()
  @ApiOperation({
    summary: 'Download through a signed link',
    description:
      'The bytes, with the detected `Content-Type` and the original name in `Content-Disposition`. No bearer token: the signature is the permission.',
  })
  @ApiParam(FILE_ID)
  @ApiQuery({
    name: 'expires',
    required: true,
    description: 'Unix seconds, from the link.',
    example: '1772446800',
  })
  @ApiQuery({
    name: 'signature',
    required: true,
    description: 'From the link.',
    example: 'q8Yv0Zt6mJ2Q0bVwqf9d1Xk3Ue2y1nLrK7m4sP0cA5E',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The bytes.',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiResponse({
    status: 403,
    description:
      '`FILE_LINK_INVALID` (tampered or incomplete) or `FILE_LINK_EXPIRED` (ask for a new link).',
    content: problem({ status: 403, code: 'FILE_LINK_EXPIRED' }),
  })
  @ApiResponse({
    status: 404,
    description: '`FILE_NOT_FOUND`: erased since the link was made.',
    content: problem({ status: 404, code: 'FILE_NOT_FOUND' }),
  })
  async content(
    @IdParam('fileId') fileId: string,
    @Query('expires') expires?: string,
    @Query('signature') signature?: string,
  ): Promise<StreamableFile> {
    this.links.verify(fileId, expires, signature);
    const record = await this.records.get(fileId);
    if (!record || record.erasedAt !== null) throw fileNotFound();
    const body = await this.storage.get(record.storageKey);
    if (!body) throw fileNotFound();
    return new StreamableFile(body, {
      type: record.contentType,
      length: record.sizeBytes,
      disposition: `attachment; filename="${asciiName(record.originalName)}"; filename*=UTF-8''${encodeURIComponent(record.originalName)}`,
    });
  }
}

/** The plain-ASCII fallback of Content-Disposition; the exact name travels in `filename*`. */
const asciiName = (name: string) => name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');

interface UploadedPart {
  filename: string;
  bytes: Buffer;
}

/** The form's `purpose` and `file`; the parser stops reading past the largest limit any purpose has. */
async function readUpload(
  request: FastifyRequest,
): Promise<{ purpose: FilePurpose; file: UploadedPart }> {
  if (!request.isMultipart())
    throw new ProblemException(415, 'MULTIPART_REQUIRED', 'Send the file as multipart/form-data');
  let purpose: unknown;
  let file: UploadedPart | undefined;
  try {
    for await (const part of request.parts({
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, fieldSize: 1024 },
    })) {
      if (part.type === 'field') {
        if (part.fieldname === 'purpose') purpose = part.value;
      } else if (part.fieldname === 'file') {
        file = { filename: part.filename, bytes: await part.toBuffer() };
      } else {
        await part.toBuffer();
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw fileTooLarge(
        isFilePurpose(purpose) ? purpose : 'file',
        isFilePurpose(purpose) ? PURPOSE_RULES[purpose].maxBytes : MAX_UPLOAD_BYTES,
      );
    // The loop only parses: any other refusal (no boundary, a cut-off body, too many parts) is the form's.
    throw new ProblemException(400, 'MALFORMED_MULTIPART', 'The multipart form could not be read', {
      reason: (error as { code?: string }).code ?? (error as Error).message,
    });
  }
  if (!isFilePurpose(purpose))
    throw new ProblemException(
      400,
      'FILE_PURPOSE_INVALID',
      'purpose must name what the file is for',
      {
        allowedPurposes: FILE_PURPOSES,
      },
    );
  if (!file) throw new ProblemException(400, 'FILE_REQUIRED', 'The form has no file part');
  return { purpose, file };
}
