import { render } from "preact";
import { App } from "./app/App.tsx";
import { parseHash } from "./app/paths.ts";
import { findRoute } from "./app/router.tsx";
import "./app/styles.css";
import { initI18n } from "./i18n/index.ts";

// The page's own code starts downloading while the language's catalogue does: on a slow connection the
// two round trips overlap instead of queueing. A failure here is left for App to report when it loads.
findRoute(parseHash(location.hash).path)?.route.load().catch(() => undefined);
// Nothing is drawn before the language's catalogue is in: no flash of raw keys on a slow connection.
await initI18n();
render(<App />, document.getElementById("app") as HTMLElement);
