import { Route, Routes } from 'react-router-dom';
import { HazardBoard } from './HazardBoard';
import { InstitutionHazards } from './InstitutionHazards';

/** 隐患整改: the board at /hazards and one institution's hazards at /hazards/institution/:id. */
export function HazardsPage() {
  return (
    <Routes>
      <Route index element={<HazardBoard />} />
      <Route path="institution/:id" element={<InstitutionHazards />} />
    </Routes>
  );
}
