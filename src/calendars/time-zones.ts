// The three time zones of Indonesia: every agency counts its deadlines in one of them.

export const AGENCY_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type AgencyTimeZone = (typeof AGENCY_TIME_ZONES)[number];

export const ZONE_LABELS = ['WIB', 'WITA', 'WIT'] as const;
export type ZoneLabel = (typeof ZONE_LABELS)[number];

const LABEL: Record<AgencyTimeZone, ZoneLabel> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** WIB, WITA or WIT; a zone outside the three (never stored by the API) reads as WIB, the national zone. */
export const zoneLabelOf = (timeZone: string): ZoneLabel => LABEL[timeZone as AgencyTimeZone] ?? 'WIB';
