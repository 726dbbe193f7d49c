// The buyer path of buyer_path.test.mjs in Firefox ESR (issue 11, point 12): the same walk, with Firefox's own
// key, pointer, download and file-picker events (firefox.mjs). Skipped when firefox-esr or Xvfb is missing.
import { runFirefox } from './firefox.mjs';
import { walkBuyerPath } from './buyer_path_walk.mjs';

runFirefox('buyer_path_firefox', (app) => walkBuyerPath(app, 'firefox-'));
