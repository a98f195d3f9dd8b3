import type { Channel } from '../../workflows/messages.js';

/** Channels an integration may file under; OFFLINE is only ever an officer typing in a report. */
export const INTEGRATION_CHANNELS = ['WEB', 'MOBILE', 'SMS', 'SOCIAL'] as const satisfies readonly Channel[];
export type IntegrationChannel = (typeof INTEGRATION_CHANNELS)[number];

/** The authenticated integration behind a request. */
export interface IntegrationCaller {
  id: string;
  channel: IntegrationChannel;
}
