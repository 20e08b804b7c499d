import type { Feature } from '../../platform/http/feature.ts';
import { catalogueRoutes } from './catalogue.routes.ts';
import { cataloguePermissions } from './permissions.ts';
import { syncCatalogueReferenceData } from './reference-data.ts';

export const catalogueFeature: Feature = {
  name: 'catalogue',
  permissions: cataloguePermissions,
  routes: catalogueRoutes,
  onStart: ({ database }) => syncCatalogueReferenceData(database.db),
};
