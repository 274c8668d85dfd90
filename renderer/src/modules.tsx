import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  FileTextOutlined,
  OrderedListOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { ChecklistsPage } from './pages/checklists/ChecklistsPage';
import { InstitutionsPage } from './pages/institutions/InstitutionsPage';
import { LawsPage } from './pages/laws/LawsPage';
import { PlansPage } from './pages/plans/PlansPage';
import { PlaceholderPage } from './pages/PlaceholderPage';

/** A main module: its menu key (also its route and i18n key under `nav`), icon and page. */
export interface ModuleEntry {
  key: string;
  icon: ReactNode;
  element: ReactNode;
}

/**
 * The main modules in menu order (设置 is appended by the layout). Each module owns its page folder; this list
 * is the one place that wires them into the menu and the router.
 */
export const moduleEntries: ModuleEntry[] = [
  { key: 'institutions', icon: <BankOutlined />, element: <InstitutionsPage /> },
  { key: 'plans', icon: <CalendarOutlined />, element: <PlansPage /> },
  { key: 'inspections', icon: <AuditOutlined />, element: <PlaceholderPage moduleKey="inspections" /> },
  { key: 'hazards', icon: <AlertOutlined />, element: <PlaceholderPage moduleKey="hazards" /> },
  { key: 'documents', icon: <FileTextOutlined />, element: <PlaceholderPage moduleKey="documents" /> },
  { key: 'statistics', icon: <BarChartOutlined />, element: <PlaceholderPage moduleKey="statistics" /> },
  { key: 'checklists', icon: <OrderedListOutlined />, element: <ChecklistsPage /> },
  { key: 'laws', icon: <BookOutlined />, element: <LawsPage /> },
];
