import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * Case-insensitive "contains" that behaves the same on SQLite and PostgreSQL: both sides lowered,
 * %, _ and \ in the user's text escaped, and the escape character declared (SQLite has none by default).
 */
export function containsText(column: string, text: string): Expression<SqlBool> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
