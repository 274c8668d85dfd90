import { PlaceholderPage } from '../PlaceholderPage';

/** 法规库 (being built). */
export function LawsPage() {
  return <PlaceholderPage moduleKey="laws" />;
}
