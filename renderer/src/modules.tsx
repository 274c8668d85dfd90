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
import { StatisticsPage } from './pages/statistics/StatisticsPage';
import { DocumentsPage } from './pages/documents/DocumentsPage';
import { HazardsPage } from './pages/hazards/HazardsPage';
import { InspectionsPage } from './pages/inspections/InspectionsPage';
import { LawsPage } from './pages/laws/LawsPage';
import { PlansPage } from './pages/plans/PlansPage';

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
  { key: 'inspections', icon: <AuditOutlined />, element: <InspectionsPage /> },
  { key: 'hazards', icon: <AlertOutlined />, element: <HazardsPage /> },
  { key: 'documents', icon: <FileTextOutlined />, element: <DocumentsPage /> },
  { key: 'statistics', icon: <BarChartOutlined />, element: <StatisticsPage /> },
  { key: 'checklists', icon: <OrderedListOutlined />, element: <ChecklistsPage /> },
  { key: 'laws', icon: <BookOutlined />, element: <LawsPage /> },
];
