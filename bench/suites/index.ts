import type { BenchSuite } from '../harness';
import { inspectionsSuite } from './inspections';
import { institutionsSuite } from './institutions';
import { lawsSuite } from './laws';
import { photosSuite } from './photos';
import { reportsSuite } from './reports';
import { statisticsSuite } from './statistics';
import { writeSuite } from './write';

/** Every benchmark suite, in the order `npm run bench` runs them. */
export const suites: BenchSuite[] = [writeSuite, photosSuite, reportsSuite, lawsSuite, institutionsSuite, inspectionsSuite, statisticsSuite];
