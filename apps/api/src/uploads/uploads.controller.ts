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
  UploadTooLargeError,
} from '@lbi/features';
import { TenantContext } from '@lbi/server';
import type { Request, Response } from 'express';
import multer, { MulterError, StorageEngine } from 'multer';
import { RequestWithAuth } from '../auth/request-with-auth';
import { Roles } from '../auth/roles.decorator';

type UploadRequest = Request & { file?: Express.Multer.File & { upload?: Upload } };

/**
 * Streams the multipart field `file` straight into UploadsService.store (no temp copy, no buffering):
 * the size limit and the content check run while the bytes arrive.
 *
 * busboy calls _handleFile from the request stream's data events, i.e. in the async context of the
 * socket read, not the handler's: the tenant scope is taken from the request the auth guard resolved
 * and entered explicitly, never inherited.
 */
function storageFor(uploads: UploadsService): StorageEngine {
  return {
    _handleFile(req, file, callback) {
      const scope = (req as RequestWithAuth).tenantScope;
      if (!scope) {
        callback(new Error('upload reached storage without a resolved tenant scope'));
        return;
      }
      TenantContext.run(scope, () => uploads.store(file.stream, file.originalname)).then(
        (upload) =>
          callback(null, { size: Number(upload.sizeBytes), upload } as Partial<Express.Multer.File>),
        (error: unknown) => callback(error as Error),
      );
    },
    _removeFile(_req, _file, callback) {
      // store() never leaves a refused file behind, and a recorded one is kept.
      callback(null);
    },
  };
}

@ApiTags('imports')
@Controller('uploads')
export class UploadsController {
  private readonly multer: ReturnType<typeof multer>;

  constructor(uploads: UploadsService) {
    this.multer = multer({ storage: storageFor(uploads), limits: { files: 1, fields: 0, parts: 2 } });
  }

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
  @ApiPayloadTooLargeResponse({ description: 'Larger than UPLOAD_MAX_BYTES' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a CSV or iCalendar file' })
  async upload(
    @Req() req: UploadRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UploadResponse> {
    await new Promise<void>((resolve, reject) =>
      this.multer.single('file')(req, res, (error: unknown) =>
        error ? reject(translate(error)) : resolve(),
      ),
    );
    const upload = req.file?.upload;
    if (!upload) {
      throw new BadRequestException('Send the file as multipart/form-data in a field named "file".');
    }
    return toUploadResponse(upload);
  }
}

function translate(error: unknown): unknown {
  if (error instanceof UploadTooLargeError) return new PayloadTooLargeException(error.message);
  if (error instanceof UnsupportedContentError) return new UnsupportedMediaTypeException(error.message);
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
