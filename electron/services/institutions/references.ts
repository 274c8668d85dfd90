import type Database from 'better-sqlite3';

/** Records in another table that point at an institution. */
export interface InstitutionReference {
  table: string;
  label: string;
  count: number;
}

/** Chinese names of the tables other modules will add; an unknown table is shown by its name. */
const TABLE_LABELS: Record<string, string> = {
  inspections: '检查记录',
  hazards: '隐患',
  inspector_recusals: '检查员回避记录',
  issued_documents: '文书',
};

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Lists every record that references the institution through a declared foreign key, by reading the schema
 * itself (sqlite_master + foreign_key_list). Modules that add tables pointing at `institutions.id` (inspections,
 * hazards, plans) are picked up without changing this function, so "an institution with inspections cannot be
 * deleted" holds for whatever they add.
 */
export function findReferences(sqlite: Database.Database, institutionId: string): InstitutionReference[] {
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'institutions'",
    )
    .all() as Array<{ name: string }>;
  const found: InstitutionReference[] = [];
  for (const { name } of tables) {
    const fks = sqlite.prepare(`PRAGMA foreign_key_list(${quoteIdent(name)})`).all() as Array<{
      table: string;
      from: string;
    }>;
    for (const fk of fks.filter((f) => f.table === 'institutions')) {
      const row = sqlite
        .prepare(`SELECT count(*) AS n FROM ${quoteIdent(name)} WHERE ${quoteIdent(fk.from)} = ?`)
        .get(institutionId) as { n: number };
      if (row.n > 0) found.push({ table: name, label: TABLE_LABELS[name] ?? name, count: row.n });
    }
  }
  return found;
}
