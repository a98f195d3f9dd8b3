// npm run deadlines:retime -- "<reason>" [--by <officerId>]
// After calendar data was amended — a decree year uploaded by SYSADMIN (PUT /v1/admin/calendars/:year,
// seen by the workers at once), or a changed file in config/calendars once the workers were restarted
// with it — re-times the running deadlines of every open complaint. Policy versions stay frozen.
import { Client, Connection } from '@temporalio/client';
import { retimeRunningDeadlines } from '../src/temporal/retime-deadlines.js';
import { payloadKeysFrom, tenggatDataConverter } from '../src/temporal/payload-codec.js';

if (import.meta.url === `file://${process.argv[1]}`) {
  const [reason, flag, by] = process.argv.slice(2);
  if (!reason || (flag !== undefined && flag !== '--by')) {
    console.error('usage: npm run deadlines:retime -- "<reason, e.g. SKB 2027 loaded>" [--by <officerId>]');
    process.exit(2);
  }
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  try {
    const client = new Client({
      connection,
      namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
      dataConverter: tenggatDataConverter(payloadKeysFrom(process.env.TEMPORAL_PAYLOAD_KEYS)),
    });
    const { retimed, failed } = await retimeRunningDeadlines(client, reason, by ?? 'calendar-admin');
    console.log(`re-timed ${retimed} open complaint(s); ${failed.length} refused`);
    for (const line of failed) console.log(`  ${line}`);
  } finally {
    await connection.close();
  }
}
