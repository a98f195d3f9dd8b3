import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../config/app-config.js';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { AccessCodeGuard } from '../tracking/access-code.guard.js';
import { OfficerAttachmentsController, PublicAttachmentsController, ReporterAttachmentsController } from './attachments.controller.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { AttachmentsService } from './attachments.service.js';
import { FILE_STORE } from './file-store.js';
import { PostgresFileStore } from './postgres-file-store.js';
import { UploadRefusalsInterceptor } from './upload-refusals.interceptor.js';

/**
 * Evidence files (issue 16): uploads by reporters and liaisons, scoped downloads, publication by the verifier.
 * Multer keeps files in memory (its default storage) within the configured limits; nothing is written
 * until every file of the upload has been checked.
 */
@Module({
  imports: [
    ComplaintsModule,
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // Browsers send UTF-8 file names without saying so; busboy would read them as latin1.
        defParamCharset: 'utf8',
        limits: {
          fileSize: config.attachments.maxFileBytes,
          files: config.attachments.maxFilesPerUpload,
          fields: 2,
          fieldSize: 1024,
          parts: config.attachments.maxFilesPerUpload + 2,
          headerPairs: 20,
        },
      }),
    }),
  ],
  controllers: [OfficerAttachmentsController, ReporterAttachmentsController, PublicAttachmentsController],
  providers: [AttachmentsService, AttachmentsRepository, AccessCodeGuard, UploadRefusalsInterceptor, { provide: FILE_STORE, useClass: PostgresFileStore }],
  exports: [AttachmentsRepository],
})
export class AttachmentsModule {}
