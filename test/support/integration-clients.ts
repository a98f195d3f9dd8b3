// Integration clients (SMS gateways, partner apps, Open311 apps) registered the way a SYSADMIN does it.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { TestApp } from './app.js';
import type { TestOfficer } from './officers.js';

export interface TestIntegrationClient {
  id: string;
  channel: string;
  apiKey: string;
  /** `X-Api-Key` header for supertest's `.set(...)`. */
  header: { 'X-Api-Key': string };
}

export async function registerIntegrationClient(t: TestApp, sysadmin: TestOfficer, channel: string, name = `${channel} client`): Promise<TestIntegrationClient> {
  const id = `${channel.toLowerCase()}-${randomBytes(3).toString('hex')}`;
  const res = await request(t.http).post('/v1/integration-clients').set(sysadmin.auth).send({ id, name, channel }).expect(201);
  return { id, channel, apiKey: res.body.apiKey, header: { 'X-Api-Key': res.body.apiKey } };
}
