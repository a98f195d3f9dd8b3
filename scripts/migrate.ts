// npm run db:migrate: applies pending migrations to DATABASE_URL (same runner the services use at boot).
import { migrate } from '../src/database/migrator.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required');
  process.exit(2);
}
const { applied, alreadyApplied, referenceAgenciesChanged } = await migrate(url);
console.log(
  `migrations: ${applied.length} applied (${applied.join(', ') || 'none'}), ${alreadyApplied.length} already applied; reference agencies: ${referenceAgenciesChanged} inserted or updated`,
);
