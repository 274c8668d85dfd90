import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InstitutionFeature, MajorFlag, PriorityTagKey, RuleMark } from '../../../../electron/api';

/** Colour of each verification mark: green verified, blue partial, orange secondary, red unverified. */
export const MARK_COLOR: Readonly<Record<RuleMark, string>> = { V: 'green', P: 'blue', S: 'orange', U: 'red' };

/** Colour of each major-hazard flag. */
export const MAJOR_COLOR: Readonly<Record<MajorFlag, string>> = {
  yes: 'red',
  possible: 'volcano',
  unknown: 'purple',
  no: 'default',
};

/** The verification mark in plain words (never the bare letter alone). */
export function MarkTag({ mark }: { mark: RuleMark }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={`${t('checklists.markTitle')}：[${mark}]`}>
      <Tag color={MARK_COLOR[mark]} data-mark={mark} style={{ marginInlineEnd: 0 }}>
        {t(`checklists.marks.${mark}`)}
      </Tag>
    </Tooltip>
  );
}

/** The major-hazard flag in plain words, with the 判定标准 clause when the source names one. */
export function MajorTag({ flag, clause }: { flag: MajorFlag; clause?: string | null }) {
  const { t } = useTranslation();
  return (
    <Tag color={MAJOR_COLOR[flag]} data-major={flag} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
      {t(`checklists.major.${flag}`)}
      {clause ? ` · ${clause}` : ''}
    </Tag>
  );
}

/** The 2025-plan priority tags of an item. */
export function PriorityTags({ tags }: { tags: readonly PriorityTagKey[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <Space size={2} wrap>
      {tags.map((tag) => (
        <Tag key={tag} color="gold" style={{ marginInlineEnd: 0 }}>
          {t(`checklists.priorities.${tag}`)}
        </Tag>
      ))}
    </Space>
  );
}

/** The institution features that switch a section on, or “所有机构”. */
export function AppliesWhen({ features }: { features: readonly InstitutionFeature[] }) {
  const { t } = useTranslation();
  if (features.length === 0) return <Tag>{t('checklists.templates.appliesAlways')}</Tag>;
  return (
    <span>
      {t('checklists.templates.appliesAny')}
      {features.map((f) => (
        <Tag key={f} color="cyan" style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>
          {t(`checklists.features.${f}`)}
        </Tag>
      ))}
    </span>
  );
}

/** Downloads text as a file (export to JSON). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a chosen file as UTF-8 text. */
export function readFileText(file: File): Promise<string> {
  return file.text();
}
