import { type CallHandler, HttpException, Injectable, type NestInterceptor, UnsupportedMediaTypeException } from '@nestjs/common';
import { catchError, type Observable, throwError } from 'rxjs';
import { UploadRefusedError } from '../common/domain-errors.js';
import { AppConfig } from '../config/app-config.js';
import { message } from '../i18n/messages.js';

/** What multer and busboy say about a multipart body, by multer's error code or busboy's message. */
interface MultipartFailure {
  code?: string;
  field?: string;
  message?: string;
}

/** busboy's words for a body that ends early or is not multipart as announced. */
const BUSBOY_BROKEN_BODY = /Unexpected end of (form|file)|Malformed part header|Boundary not found/;

/**
 * Bound outside Nest's FilesInterceptor: its multipart failures (Nest wraps multer's and busboy's errors
 * in English HttpExceptions) become refusals that name the problem in the caller's language. Nothing is
 * stored when they happen: files stay in memory until the service has checked them all.
 */
@Injectable()
export class UploadRefusalsInterceptor implements NestInterceptor {
  constructor(private readonly config: AppConfig) {}

  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => this.refusal(error) ?? error)));
  }

  private refusal(error: unknown): UploadRefusedError | undefined {
    if (!(error instanceof HttpException)) return undefined;
    if (error instanceof UnsupportedMediaTypeException) return new UploadRefusedError(415, message('attachment.notMultipart'));
    const cause = error.cause as MultipartFailure | undefined;
    if (!cause) return undefined;
    switch (cause.code) {
      case 'LIMIT_FILE_SIZE':
        return new UploadRefusedError(413, message('attachment.fileTooLarge', { limit: `${this.config.attachments.maxFileBytes} bytes` }));
      case 'LIMIT_FILE_COUNT':
        return new UploadRefusedError(400, message('attachment.tooManyInUpload', { max: this.config.attachments.maxFilesPerUpload }));
      case 'LIMIT_UNEXPECTED_FILE':
        return new UploadRefusedError(400, message('attachment.unexpectedField', { field: cause.field ?? 'file' }));
      case 'LIMIT_PART_COUNT':
      case 'LIMIT_FIELD_COUNT':
      case 'LIMIT_FIELD_KEY':
      case 'LIMIT_FIELD_VALUE':
        return new UploadRefusedError(400, message('body.tooManyFields'));
      default:
        return BUSBOY_BROKEN_BODY.test(cause.message ?? '') ? new UploadRefusedError(400, message('attachment.incompleteUpload')) : undefined;
    }
  }
}
