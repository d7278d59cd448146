import { bootstrapApplication } from '@angular/platform-browser';

import { App } from './app/app.component';
import { appConfig } from './app/app.config';

bootstrapApplication(App, appConfig).catch((error: unknown) => {
  console.error(error);
  document.body.textContent =
    'Local Buyer Intelligence could not start in this browser. Reload the page; if this persists, use a current browser.';
});
