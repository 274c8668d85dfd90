import { defineConfig } from 'drizzle-kit';

/** drizzle-kit configuration: schema in db/schema, generated SQL migrations in db/migrations. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
