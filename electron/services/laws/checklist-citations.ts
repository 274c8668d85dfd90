import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { lawChecklistItemSchema } from '../../api';
import type { ServiceDeps } from '../context';
import { storeCache } from './law-store';

const fileSchema = z.array(
  lawChecklistItemSchema.extend({ weakestMark: lawChecklistItemSchema.shape.weakestMark.optional() }),
);

/** A seed checklist item with its legal basis. */
export type ChecklistCitationItem = z.infer<typeof lawChecklistItemSchema>;

/**
 * The 120 seed checklist items with their legal-basis strings, read from resources/seed/checklist-items.json
 * (the checklist module's own store may later hold edited items; the laws screen only needs the seed wording).
 */
export function listChecklistCitations(deps: ServiceDeps): ChecklistCitationItem[] {
  const cache = storeCache(deps);
  if (Array.isArray(cache.checklist)) return cache.checklist as ChecklistCitationItem[];
  const file = path.join(deps.resourcesDir, 'seed', 'checklist-items.json');
  const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`检查项种子文件格式错误：${first?.path.join('.')} ${first?.message}`);
  }
  const items = parsed.data.map((i) => ({
    id: i.id,
    category: i.category,
    textZh: i.textZh,
    legalBasis: i.legalBasis,
    weakestMark: i.weakestMark ?? null,
  }));
  cache.checklist = items;
  return items;
}
