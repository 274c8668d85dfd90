import { PlaceholderPage } from '../PlaceholderPage';

/** 检查计划 (being built). */
export function PlansPage() {
  return <PlaceholderPage moduleKey="plans" />;
}
