import { Route, Routes } from 'react-router-dom';
import { LawLibraryHome } from './LawLibraryHome';
import { LawReader } from './LawReader';

/**
 * 法规库: the law list with search and the item lookup at `/laws`, the reader at `/laws/<lawId>` and
 * `/laws/<lawId>/<articleKey>` (deep links from citations scroll to the article and highlight it).
 */
export function LawsPage() {
  return (
    <Routes>
      <Route index element={<LawLibraryHome />} />
      <Route path=":lawId" element={<LawReader />} />
      <Route path=":lawId/:articleKey" element={<LawReader />} />
    </Routes>
  );
}
