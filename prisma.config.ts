// Prisma CLI configuration: schema and migrations location. The runtime never reads this file;
// it connects through @prisma/adapter-pg (src/database/prisma.service.ts).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' },
});
