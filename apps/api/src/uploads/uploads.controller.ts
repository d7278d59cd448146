import {
  BadRequestException,
  Controller,
  HttpCode,
  PayloadTooLargeException,
  Post,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { Role, type UploadResponse } from '@lbi/contracts';
import {
  toUploadResponse,
  UnsupportedContentError,
  Upload,
  UploadResponseDto,
  UploadsService,
  UploadPiiError,
  UploadTooLargeError,
} from '@lbi/features';
import { NoTenantError, TenantContextMissingError } from '@lbi/server';
import type { Response } from 'express';
import multer, { MulterError, StorageEngine } from 'multer';
import { AsyncResource } from 'node:async_hooks';
import { RequestWithAuth } from '../auth/request-with-auth';
import { Roles } from '../auth/roles.decorator';

type UploadRequest = RequestWithAuth & { file?: Express.Multer.File & { upload?: Upload } };

/**
 * Streams the multipart field `file` straight into UploadsService.store (no temp copy, no buffering):
 * the size limit and the content check run while the bytes arrive.
 *
 * busboy calls `_handleFile` from the request stream's `data` events, which run in the async context
 * of the socket read, not of this request's handler: AsyncLocalStorage (the tenant scope, the request's
 * logger) is not there. So the tenant goes in explicitly, and the callback is bound to the handler's
 * context for everything else (log lines keep the request id).
 */
function storageFor(uploads: UploadsService, clientId: string): StorageEngine {
  return {
    _handleFile: AsyncResource.bind((_req, file, callback) => {
      uploads.store(file.stream, file.originalname, clientId).then(
        (upload) =>
          callback(null, { size: Number(upload.sizeBytes), upload } as Partial<Express.Multer.File>),
        (error: unknown) => callback(error as Error),
      );
    }) as StorageEngine['_handleFile'],
    // multer calls this for the files it already took when it refuses the request (a second file, a
    // stray field): the request is answered 4xx, so a file stored before the refusal must go too.
    _removeFile(_req, file, callback) {
      const { upload } = file as Express.Multer.File & { upload?: Upload };
      if (!upload) return callback(null);
      uploads.discard(upload, clientId).then(
        () => callback(null),
        (error: unknown) => callback(error as Error),
      );
    },
  };
}

@ApiTags('imports')
@Controller('uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Post()
  @HttpCode(201)
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({
    summary:
      'Upload a CSV (or an iCalendar .ics for events) to import; returns the file_ref for POST /import/*. The content is checked, not the name.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: UploadResponseDto })
  @ApiPayloadTooLargeResponse({
    description:
      'Larger than UPLOAD_MAX_BYTES, than the space left in the tenant quota (UPLOAD_QUOTA_BYTES), or a calendar over ICS_MAX_BYTES / ICS_MAX_EVENTS',
  })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a CSV or iCalendar file' })
  async upload(
    @Req() req: UploadRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UploadResponse> {
    const clientId = tenantOf(req);
    const parse = multer({
      storage: storageFor(this.uploads, clientId),
      limits: { files: 1, fields: 0, parts: 2 },
      // Browsers send file names as raw UTF-8: read them so, or the PII check of the name sees mojibake.
      defParamCharset: 'utf8',
    });
    await new Promise<void>((resolve, reject) =>
      parse.single('file')(req, res, (error: unknown) => (error ? reject(translate(error)) : resolve())),
    );
    const upload = req.file?.upload;
    if (!upload) {
      throw new BadRequestException('Send the file as multipart/form-data in a field named "file".');
    }
    return toUploadResponse(upload);
  }
}

/** The uploader's tenant, from the scope the auth guard put on this request (not from async context). */
function tenantOf(req: UploadRequest): string {
  const scope = req.tenantScope;
  if (scope?.clientId) return scope.clientId;
  if (scope?.platformAdmin) throw new NoTenantError();
  throw new TenantContextMissingError();
}

function translate(error: unknown): unknown {
  if (error instanceof UploadTooLargeError) return new PayloadTooLargeException(error.message);
  if (error instanceof UnsupportedContentError) return new UnsupportedMediaTypeException(error.message);
  if (error instanceof UploadPiiError) return new BadRequestException(error.message);
  if (error instanceof MulterError) {
    return new BadRequestException(
      error.code === 'LIMIT_UNEXPECTED_FILE' || error.code === 'LIMIT_FILE_COUNT'
        ? 'Send exactly one file, in a field named "file".'
        : `The upload could not be read (${error.code}); send one file in a field named "file".`,
    );
  }
  if (error instanceof Error && /multipart|boundary/i.test(error.message)) {
    return new BadRequestException('The upload is not valid multipart/form-data.');
  }
  return error;
}
