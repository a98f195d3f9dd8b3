// Which channel a submission is filed under: the server decides it from who is calling. A claimed
// channel the caller may not use is refused (403 naming the field), never silently changed.
import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { INTAKE_ROLES } from '../access/complaint-access.js';
import type { Caller } from '../common/caller.js';
import type { Channel } from '../../workflows/messages.js';
import { message } from '../i18n/messages.js';

/** The channels a caller may file under, the first being its default. */
export function channelsOf({ client, officer }: Caller): Channel[] {
  if (client) return [client.channel];
  if (officer) return INTAKE_ROLES.includes(officer.role) ? ['WEB', 'OFFLINE'] : ['WEB'];
  return ['WEB'];
}

export function intakeChannel(claimed: Channel | undefined, caller: Caller): Channel {
  const allowed = channelsOf(caller);
  if (claimed === undefined) return allowed[0];
  if (allowed.includes(claimed)) return claimed;
  if (claimed === 'OFFLINE' && !caller.client) {
    if (!caller.officer) throw new UnauthorizedException(message('intake.offlineSignIn'));
    throw new ForbiddenException(message('intake.offlineRoles', { roles: INTAKE_ROLES.join(' / ') }));
  }
  throw new ForbiddenException(
    caller.client
      ? message('intake.channelSetByServer', { claimed, who: message('intake.integrationClient', { id: caller.client.id }), channel: allowed[0] })
      : message('intake.channelSetByServerWeb', { claimed, channel: allowed[0] }),
  );
}
