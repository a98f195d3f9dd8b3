// Config for Prisma 6.19's CLI (devDependency `prisma6`), whose WASM schema engine produces
// migration SQL on machines where Prisma 7's native schema engine cannot be downloaded.
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma6/config';

export default defineConfig({
  
  engine: 'js',
  experimental: { adapter: true },
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' }),
});
