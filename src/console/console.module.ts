// The officer console and the citizen pages (console/, built by Vite into dist/console), served at
// /console from the API's own origin: no CDN, no CORS, the API's CSP as it is. Deep links such as
// /console/pengaduan/LPR-… answer index.html, and the app routes them.
import { join } from 'node:path';
import { type DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { Response } from 'express';
import { projectRoot } from '../project-root.js';

export const CONSOLE_PATH = '/console';
export const CONSOLE_BUILD_DIR = join(projectRoot(), 'dist', 'console');

/** index.html names the current asset files, so it is never cached; assets carry a content hash, so they are cached for good. */
export function consoleCacheControl(filePath: string): string {
  return filePath.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable';
}

@Module({})
export class ConsoleModule {
  static register(): DynamicModule {
    return {
      module: ConsoleModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath: CONSOLE_BUILD_DIR,
          serveRoot: CONSOLE_PATH,
          serveStaticOptions: {
            setHeaders: (res: Response, filePath: string) => res.setHeader('Cache-Control', consoleCacheControl(filePath)),
          },
        }),
      ],
    };
  }
}
