import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { ComplaintAccessService } from '../access/complaint-access.service.js';
import type { Officer } from '../auth/officer.js';
import { NotFoundError, UploadRefusedError } from '../common/domain-errors.js';
import { AppConfig, type AttachmentLimits } from '../config/app-config.js';
import { ComplaintProcessService } from '../complaints/complaint-process.service.js';
import { ComplaintsRepository, type ComplaintRow } from '../complaints/complaints.repository.js';
import { message } from '../i18n/messages.js';
import type { ComplaintState } from '../../workflows/messages.js';
import { unstorableText } from '../../workflows/lifecycle/storable-text.js';
import { AttachmentsRepository, type AttachmentRow, type NewAttachment } from './attachments.repository.js';
import {
  toAttachmentView,
  toPublicAttachmentView,
  type AttachmentListView,
  type AttachmentPurposeName,
  type AttachmentView,
  type PublicAttachmentListView,
} from './attachments.dto.js';
import { cleanEvidenceFile, EvidenceFileDefect, EXTENSION_OF, type CleanEvidenceFile } from './evidence-file.js';
import { FILE_STORE, type FileStore } from './file-store.js';

/** A file as the multipart parser hands it over (multer's memory storage). */
export interface ReceivedFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** A file ready to download: its metadata and bytes. */
export interface DownloadableFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/**
 * When each kind of file may be attached: the reporter's evidence while the complaint awaits verification,
 * clarification documents while an officer awaits them (before the answer moves the complaint on), and a
 * liaison's documents while the complaint is in progress (before or with the follow-up, before the answer).
 */
export const ATTACH_WHILE: Record<AttachmentPurposeName, readonly ComplaintState[]> = {
  COMPLAINT: ['SUBMITTED'],
  CLARIFICATION: ['AWAITING_CLARIFICATION'],
  FOLLOW_UP: ['IN_PROGRESS'],
  RESOLUTION: ['IN_PROGRESS'],
};

/** A file name: 1–255 characters of storable text, no control characters (NUL included), no path. */
const acceptableFileName = (name: string) => name.length >= 1 && name.length <= 255 && unstorableText(name) === null && !/[\p{Cc}/\\]/u.test(name);

/** Who attaches: the reporter (with the access code) or an officer; an anonymous reporter's file names are replaced. */
interface Uploader {
  officerId: string | null;
  anonymous: boolean;
}

/**
 * Evidence files: checked whole before anything is stored (count, size, type by content, name), images
 * stripped of identifying metadata at upload — for every reader, the verifier included (README "Evidence
 * files" says why) — bytes in the FileStore, metadata in the read model, nothing in Temporal.
 */
@Injectable()
export class AttachmentsService {
  private readonly limits: AttachmentLimits;

  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly complaints: ComplaintsRepository,
    private readonly access: ComplaintAccessService,
    private readonly process: ComplaintProcessService,
    @Inject(FILE_STORE) private readonly store: FileStore,
    config: AppConfig,
  ) {
    this.limits = config.attachments;
  }

  // ---- the reporter (the access-code guard has checked the tracking ID)

  async attachByReporter(trackingId: string, purpose: AttachmentPurposeName, files: ReceivedFile[] | undefined): Promise<AttachmentListView> {
    const complaint = await this.reporterComplaint(trackingId);
    return this.attach(complaint, purpose, files ?? [], { officerId: null, anonymous: complaint.anonymous });
  }

  async listForReporter(trackingId: string): Promise<AttachmentListView> {
    const complaint = await this.reporterComplaint(trackingId);
    return { items: (await this.attachments.listOf(complaint.id)).map(toAttachmentView) };
  }

  async downloadForReporter(trackingId: string, fileId: string): Promise<DownloadableFile> {
    return this.download(await this.reporterComplaint(trackingId), fileId);
  }

  // ---- officers, within the complaint's access scope (another agency's complaint is not found)

  async attachByOfficer(trackingId: string, officer: Officer, purpose: AttachmentPurposeName, files: ReceivedFile[] | undefined): Promise<AttachmentListView> {
    const complaint = await this.visibleComplaint(trackingId, officer);
    return this.attach(complaint, purpose, files ?? [], { officerId: officer.id, anonymous: false });
  }

  async listForOfficer(trackingId: string, officer: Officer): Promise<AttachmentListView> {
    const complaint = await this.visibleComplaint(trackingId, officer);
    return { items: (await this.attachments.listOf(complaint.id)).map(toAttachmentView) };
  }

  async downloadForOfficer(trackingId: string, fileId: string, officer: Officer): Promise<DownloadableFile> {
    return this.download(await this.visibleComplaint(trackingId, officer), fileId);
  }

  /** Verifier: show the file on the public list and Open311, or withdraw it (the route is audited). */
  async publish(trackingId: string, fileId: string, officer: Officer, published: boolean): Promise<AttachmentView> {
    const complaint = await this.visibleComplaint(trackingId, officer);
    const row = await this.attachments.setPublished(complaint.id, fileId, officer.id, published);
    if (!row) throw new NotFoundError('notFound.attachment', fileId);
    return toAttachmentView(row);
  }

  // ---- the public: published files of publicly visible complaints only

  async listPublic(trackingId: string): Promise<PublicAttachmentListView> {
    const complaintId = await this.publicComplaintId(trackingId);
    return { items: (await this.attachments.listOf(complaintId, true)).map((row) => toPublicAttachmentView(trackingId, row)) };
  }

  async downloadPublic(trackingId: string, fileId: string): Promise<DownloadableFile> {
    const complaintId = await this.publicComplaintId(trackingId);
    const row = await this.attachments.find(complaintId, fileId);
    if (!row || row.publishedAt === null) throw new NotFoundError('notFound.attachment', fileId);
    return this.contentOf(row);
  }

  // ---- shared

  private async attach(complaint: ComplaintRow, purpose: AttachmentPurposeName, files: ReceivedFile[], uploader: Uploader): Promise<AttachmentListView> {
    if (files.length === 0) throw new UploadRefusedError(400, message('attachment.none'));
    if (files.length > this.limits.maxFilesPerUpload) throw new UploadRefusedError(400, message('attachment.tooManyInUpload', { max: this.limits.maxFilesPerUpload }));
    // The live state (the workflow's), as the read model may trail an action that just returned.
    const state = (await this.process.status(complaint))?.state ?? complaint.status;
    if (!ATTACH_WHILE[purpose].includes(state)) {
      throw new UploadRefusedError(409, message('attachment.notNow', { purpose, allowed: ATTACH_WHILE[purpose].join(', '), state }));
    }
    const count = await this.attachments.countOf(complaint.id);
    if (count + files.length > this.limits.maxFilesPerComplaint) {
      throw new UploadRefusedError(409, message('attachment.tooManyOnComplaint', { count, max: this.limits.maxFilesPerComplaint, left: Math.max(0, this.limits.maxFilesPerComplaint - count) }));
    }
    const checked = files.map((file, index) => ({ file, clean: this.checked(file, index) }));
    const rows: NewAttachment[] = checked.map(({ file, clean }, index) => ({
      id: randomUUID(),
      complaintId: complaint.id,
      purpose,
      position: count + index + 1,
      fileName: uploader.anonymous ? `bukti-${count + index + 1}.${EXTENSION_OF[clean.mediaType]}` : file.originalname,
      mediaType: clean.mediaType,
      sizeBytes: clean.bytes.length,
      sha256: createHash('sha256').update(clean.bytes).digest('hex'),
      removedMetadata: clean.removedMetadata,
      uploadedById: uploader.officerId,
    }));
    // Bytes first, metadata after: a file without metadata is unreachable; on failure the stored bytes go.
    const stored: string[] = [];
    try {
      for (const [index, row] of rows.entries()) {
        await this.store.put(row.id, checked[index].clean.bytes);
        stored.push(row.id);
      }
      return { items: (await this.attachments.createAll(rows)).map(toAttachmentView) };
    } catch (error) {
      await this.store.delete(stored).catch(() => undefined);
      throw error;
    }
  }

  /** One file, refused with what is wrong with it: its name, its size, its type (by content), its integrity. */
  private checked(file: ReceivedFile, index: number): CleanEvidenceFile {
    const name = file.originalname ?? '';
    if (!acceptableFileName(name)) throw new UploadRefusedError(400, message('attachment.badName', { index: index + 1 }));
    if (file.size > this.limits.maxFileBytes) throw new UploadRefusedError(413, message('attachment.fileTooLarge', { limit: `${this.limits.maxFileBytes} bytes` }));
    try {
      return cleanEvidenceFile(file.buffer);
    } catch (error) {
      if (!(error instanceof EvidenceFileDefect)) throw error;
      if (error.defect === 'unsupportedType') throw new UploadRefusedError(415, message('attachment.unsupportedType', { name }));
      throw new UploadRefusedError(400, message('attachment.damaged', { name }));
    }
  }

  private async download(complaint: ComplaintRow, fileId: string): Promise<DownloadableFile> {
    const row = await this.attachments.find(complaint.id, fileId);
    if (!row) throw new NotFoundError('notFound.attachment', fileId);
    return this.contentOf(row);
  }

  private async contentOf(row: AttachmentRow): Promise<DownloadableFile> {
    const content = await this.store.get(row.id);
    if (!content) throw new NotFoundError('notFound.attachment', row.id);
    return { fileName: row.fileName, mediaType: row.mediaType, content };
  }

  private async reporterComplaint(trackingId: string): Promise<ComplaintRow> {
    const complaint = await this.complaints.findByTrackingId(trackingId.toUpperCase());
    if (!complaint) throw new NotFoundError('notFound.complaint', trackingId);
    return complaint;
  }

  private async visibleComplaint(trackingId: string, officer: Officer): Promise<ComplaintRow> {
    const complaint = await this.complaints.findByTrackingId(trackingId, await this.access.visibleWhere(officer));
    if (!complaint) throw new NotFoundError('notFound.complaint', trackingId);
    return complaint;
  }

  private async publicComplaintId(trackingId: string): Promise<string> {
    const id = await this.attachments.publicComplaintId(trackingId);
    if (!id) throw new NotFoundError('notFound.complaint', trackingId);
    return id;
  }
}
