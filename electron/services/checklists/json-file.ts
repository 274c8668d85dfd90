import { z } from 'zod';
import { AppError } from '../errors';
import { formatPath } from '../reference/seed-schema';

const zhErrorMap = z.locales.zhCN().localeError;

/** One problem found in an imported file, with the JSON path it is at. */
export interface FileIssue {
  path: string;
  message: string;
}

/** Throws the VALIDATION error of a rejected file: the first problems in the message, all of them in `issues`. */
export function rejectFile(what: string, issues: FileIssue[]): never {
  const shown = issues.slice(0, 5).map((i) => `位置 ${i.path}：${i.message}`);
  const more = issues.length > 5 ? `；另有 ${issues.length - 5} 处问题` : '';
  throw new AppError('VALIDATION', `${what}校验失败，未导入任何内容。${shown.join('；')}${more}`, issues);
}

/**
 * Parses a JSON file's text against its schema. Syntax errors and schema errors both become a VALIDATION
 * error naming where the problem is (`sections[1].items[0].photoRequiredOnFail`), in Chinese.
 */
export function parseJsonFile<T extends z.ZodType>(what: string, text: string, schema: T): z.output<T> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new AppError('VALIDATION', `${what}不是合法的 JSON，未导入任何内容：${detail}`, [
      { path: '（根）', message: '不是合法的 JSON' },
    ]);
  }
  const result = schema.safeParse(data, { error: zhErrorMap });
  if (!result.success) {
    rejectFile(
      what,
      result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    );
  }
  return result.data;
}
