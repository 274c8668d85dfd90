import { Route, Routes } from 'react-router-dom';
import { InspectionListPage } from './InspectionListPage';
import { InspectionRunnerPage } from './InspectionRunner';
import { StartInspectionPage } from './StartInspectionPage';
import './inspections.css';

/** 现场检查: the list (进行中 first), the start form and the checklist runner, as nested routes under /inspections. */
export function InspectionsPage() {
  return (
    <Routes>
      <Route index element={<InspectionListPage />} />
      <Route path="new" element={<StartInspectionPage />} />
      <Route path=":id" element={<InspectionRunnerPage />} />
    </Routes>
  );
}
