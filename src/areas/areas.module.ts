import { Global, Module } from '@nestjs/common';
import { ReferenceAreas } from './reference-areas.js';

/** The reference areas and agencies (config/reference/agencies.json) in memory, one copy per process. */
@Global()
@Module({
  providers: [{ provide: ReferenceAreas, useFactory: () => new ReferenceAreas() }],
  exports: [ReferenceAreas],
})
export class AreasModule {}
