import { Typography } from 'antd';

/**
 * Shows a checklist item's legal basis with each citation's verification mark, linking cited articles to
 * their text. (The laws module replaces this first version with article links and hover previews; the props
 * stay the same.)
 */
export function LegalBasis({ legalBasis }: { legalBasis: string }) {
  return <Typography.Text>{legalBasis}</Typography.Text>;
}
