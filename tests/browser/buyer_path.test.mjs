// The first path a buyer walks: the need, the procedure, clauses, the HTML and Markdown exports, autosave
// across a reload, saving and reopening a project file, and a malformed file refused without harm.
import { run } from './lib.mjs';
import { walkBuyerPath } from './buyer_path_walk.mjs';

run('buyer_path', (app) => walkBuyerPath(app));
