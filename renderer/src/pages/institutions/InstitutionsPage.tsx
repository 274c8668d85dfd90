import { Route, Routes } from 'react-router-dom';
import { InstitutionList } from './InstitutionList';
import { InstitutionProfile } from './InstitutionProfile';

/** 机构档案: the registry list at /institutions and each institution's profile at /institutions/:id. */
export function InstitutionsPage() {
  return (
    <Routes>
      <Route index element={<InstitutionList />} />
      <Route path=":id" element={<InstitutionProfile />} />
    </Routes>
  );
}
