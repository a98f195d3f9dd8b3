import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { FileStore } from './file-store.js';

/**
 * The embedded default FileStore: bytes in the stored_files table (bytea). A file is at most
 * ATTACHMENT_MAX_FILE_BYTES (50 MiB ceiling), well inside bytea's 1 GB, and is read whole either way.
 */
@Injectable()
export class PostgresFileStore implements FileStore {
  constructor(private readonly prisma: PrismaService) {}

  async put(id: string, content: Buffer): Promise<void> {
    await this.prisma.storedFile.create({ data: { id, content: new Uint8Array(content) } });
  }

  async get(id: string): Promise<Buffer | null> {
    const row = await this.prisma.storedFile.findUnique({ where: { id }, select: { content: true } });
    return row ? Buffer.from(row.content) : null;
  }

  async delete(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.prisma.storedFile.deleteMany({ where: { id: { in: ids } } });
  }
}
