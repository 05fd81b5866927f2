import { render } from "preact";
import { App } from "./app/App.tsx";
import "./app/styles.css";
import { initI18n } from "./i18n/index.ts";

// Nothing is drawn before the language's catalogue is in: no flash of raw keys on a slow connection.
await initI18n();
render(<App />, document.getElementById("app") as HTMLElement);
