import { SetMetadata } from '@nestjs/common';

/** How the audit log names a change (POST, PUT, PATCH, DELETE), and where it finds the complaint it concerns when the URL has no tracking ID. */
export interface AuditedAs {
  /** The action's name as officers see it (e.g. 'follow-up'); the handler's name when not set. */
  action: string;
  /** The route's `:id` names an escalation: the audit entry carries its complaint's tracking ID. */
  subject?: 'escalation';
  /**
   * Keep the request body in the entry's detail (what was changed), for administration whose bodies
   * carry no secret and no reporter data: officers, agencies, units, calendar years.
   */
  withBody?: boolean;
}

export const AUDITED_AS = 'tenggat:audited-as';

export const Audited = (as: AuditedAs) => SetMetadata(AUDITED_AS, as);
