import { PlaceholderPage } from '../PlaceholderPage';

/** 机构档案 (being built in the institutions issue). */
export function InstitutionsPage() {
  return <PlaceholderPage moduleKey="institutions" />;
}
