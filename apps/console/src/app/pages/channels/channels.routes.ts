import { Routes } from '@angular/router';

import { PRODUCT } from '../../core/product';

export const CHANNEL_ROUTES: Routes = [
  {
    path: '',
    title: `Channels · ${PRODUCT}`,
    loadComponent: () => import('./channels.page').then((m) => m.ChannelsPage),
  },
];
