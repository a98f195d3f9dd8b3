// Prisma's `?schema=` convention, for the clients that do not know it (node-postgres, raw SQL).
import { PrismaPg } from '@prisma/adapter-pg';

export interface DatabaseTarget {
  connectionString: string;
  schema: string;
}

export function parseDatabaseUrl(databaseUrl: string): DatabaseTarget {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') ?? 'public';
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema };
}

/**
 * The driver adapter every PrismaClient of Tenggat uses. Model queries name the schema themselves;
 * raw SQL finds it through the connections' search_path.
 */
export function prismaAdapter(databaseUrl: string, poolSize = 10): PrismaPg {
  const { connectionString, schema } = parseDatabaseUrl(databaseUrl);
  const searchPath = schema === 'public' ? {} : { options: `-c search_path="${schema.replaceAll('"', '""')}"` };
  return new PrismaPg({ connectionString, max: poolSize, ...searchPath }, { schema });
}
