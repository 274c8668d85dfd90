import { documentSettingsSchema, type DocumentSettings } from '../../api';
import { inTransaction, recordChange } from '../audit';
import type { CallContext, ServiceDeps } from '../context';
import { AppError } from '../errors';
import { readSetting, writeSetting } from '../system/handlers';

/** Setting key of the 文书设置. */
export const DOCUMENT_SETTINGS_KEY = 'documents.settings';

/**
 * Shipped 文书设置 for 上海市浦东新区民政局. The consequences quote 安全生产法 第一百零二条 through the law library
 * (the text is resolved, never typed here).
 */
export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = {
  issuingOrgan: '上海市浦东新区民政局',
  organShort: '浦民养',
  selfReference: '我局',
  prefixes: {
    'rectification-notice': '浦民养整',
    'inspection-record': '浦民养查',
    'reinspection-opinion': '浦民养复',
    'referral-letter': '浦民养移',
    'notify-letter': '浦民养抄',
    'joint-report': '浦民养联',
    'consultation-material': '浦民养会',
  },
  contactName: '养老服务科',
  contactPhone: '021-68541234',
  reportBack:
    '请你单位在各项整改期限届满之日起3个工作日内，将整改情况书面报告（附整改前后对比照片）报送我局养老服务科，我局将组织复查。',
  consequences:
    '你单位应当在规定期限内完成整改。逾期未整改的，我局将依法处理；涉及其他部门职责的，移送有关部门依法处理。',
  consequencesBasis: '安全生产法 第一百零二条 [V]',
  addressees: {
    fire: '上海市浦东新区消防救援支队',
    market: '上海市浦东新区市场监督管理局',
    construction: '上海市浦东新区建设和交通委员会',
    health: '上海市浦东新区卫生健康委员会',
    'civil-affairs': '上海市浦东新区民政局',
    development: '上海市浦东新区发展和改革委员会',
  },
};

/** The document settings, shipped defaults filling whatever was never saved. */
export function readDocumentSettings(deps: ServiceDeps): DocumentSettings {
  const stored = readSetting(deps, DOCUMENT_SETTINGS_KEY);
  const merged =
    stored && typeof stored === 'object'
      ? {
          ...DEFAULT_DOCUMENT_SETTINGS,
          ...stored,
          prefixes: {
            ...DEFAULT_DOCUMENT_SETTINGS.prefixes,
            ...((stored as Partial<DocumentSettings>).prefixes ?? {}),
          },
          addressees: {
            ...DEFAULT_DOCUMENT_SETTINGS.addressees,
            ...((stored as Partial<DocumentSettings>).addressees ?? {}),
          },
        }
      : DEFAULT_DOCUMENT_SETTINGS;
  const parsed = documentSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_DOCUMENT_SETTINGS;
}

/** Saves the document settings with their audit record (before and after) in one transaction. */
export function updateDocumentSettings(ctx: CallContext, next: DocumentSettings): DocumentSettings {
  // Two kinds with one prefix would print the same 文号 twice, since each kind counts on its own.
  const prefixes = Object.values(next.prefixes);
  if (new Set(prefixes).size !== prefixes.length) throw new AppError('VALIDATION', '各类文书的编号前缀不能相同');
  return inTransaction(ctx.deps, () => {
    const before = readDocumentSettings(ctx.deps);
    writeSetting(ctx.deps, DOCUMENT_SETTINGS_KEY, next, ctx.now());
    recordChange(ctx, { entity: 'setting', entityId: DOCUMENT_SETTINGS_KEY, action: 'update', before, after: next });
    return next;
  });
}
