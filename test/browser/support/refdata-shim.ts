// TEMPORARY, for branches without the reference-data endpoints (issue 12 §2: GET /v1/reference/agencies
// and /v1/reference/officers, built in parallel). When the API answers 404 for them, the browser gets
// their agreed answer built from this test's own PostgreSQL rows; when the API has them, this does
// nothing and the real endpoints answer. Delete once every branch has them.
import type { BrowserContext } from 'playwright-core';
import type { TestApp } from '../../support/app.js';

const ZONE_LABELS: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

export async function referenceEndpointsMissing(base: string): Promise<boolean> {
  return (await fetch(`${base}/v1/reference/agencies`)).status === 404;
}

export async function shimReferenceEndpoints(context: BrowserContext, base: string, t: TestApp): Promise<void> {
  if (!(await referenceEndpointsMissing(base))) return;
  await context.route(`${base}/v1/reference/agencies`, async (route) => {
    const agencies = await t.prisma.agency.findMany({ include: { units: true }, orderBy: { name: 'asc' } });
    await route.fulfill({
      json: agencies.map((a) => ({
        id: a.id,
        name: a.name,
        timeZone: a.timeZone,
        zoneLabel: ZONE_LABELS[a.timeZone],
        units: a.units.map((u) => ({ id: u.id, name: u.name, parentUnitId: u.parentUnitId })),
      })),
    });
  });
  await context.route(`${base}/v1/reference/officers?*`, async (route) => {
    const query = new URL(route.request().url()).searchParams;
    const users = await t.prisma.user.findMany({
      where: {
        agencyId: query.get('agencyId') ?? undefined,
        unitId: query.get('unitId') ?? undefined,
        role: (query.get('role') ?? undefined) as never,
      },
    });
    await route.fulfill({ json: users.map((u) => ({ id: u.id, displayName: u.displayName, role: u.role, agencyId: u.agencyId, unitId: u.unitId, active: u.active })) });
  });
}
