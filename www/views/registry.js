// The views of <balans-widget>, by the name its `view` attribute takes, in the order the app's
// tabs and the embed page's list of accepted views show them. balans-widget.js dispatches
// `view="…"` here and knows nothing else about the views.
//
// A view module exports `render(ctx)`, which asks ctx.workspace for its report, renders it into
// ctx.region and returns it (see balans-widget.js, #viewContext, for what ctx holds). A view that
// has no data throws the package's E_NO_DATA before it changes anything.
//
// Not here: the browser copy of a document's entries (lib/browser-copy.js).

import * as bridge from './bridge.js';
import * as deviation from './deviation.js';
import * as effects from './effects.js';
import * as goals from './goals.js';
import * as grants from './grants.js';
import * as report from './report.js';

export const VIEWS = { deviation, effects, grants, bridge, goals, report };
