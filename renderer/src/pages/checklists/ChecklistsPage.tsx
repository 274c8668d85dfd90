import { PlaceholderPage } from '../PlaceholderPage';

/** 检查表 (being built). */
export function ChecklistsPage() {
  return <PlaceholderPage moduleKey="checklists" />;
}
