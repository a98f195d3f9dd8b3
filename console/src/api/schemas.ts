// The API's answers and request bodies as the OpenAPI document defines them (openapi.d.ts, generated
// by npm run build from the API's DTOs; never edited by hand): Schema<'ComplaintView'> and so on.
import type { components } from './openapi';

export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
