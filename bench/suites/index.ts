import type { BenchSuite } from '../harness';
import { photosSuite } from './photos';
import { reportsSuite } from './reports';
import { writeSuite } from './write';

/** Every benchmark suite, in the order `npm run bench` runs them. */
export const suites: BenchSuite[] = [writeSuite, photosSuite, reportsSuite];
