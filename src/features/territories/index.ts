import { setTerritoryResolver } from '../../platform/access/territory-resolver.ts';
import type { Feature } from '../../platform/http/feature.ts';
import { territoryPermissions } from './permissions.ts';
import { syncReferenceData } from './reference-data.ts';
import { resolveTerritories } from './territory-resolver.ts';
import { territoriesRoutes } from './territories.routes.ts';

setTerritoryResolver(resolveTerritories);

export const territoriesFeature: Feature = {
  name: 'territories',
  permissions: territoryPermissions,
  routes: territoriesRoutes,
  onStart: ({ database }) => syncReferenceData(database.db),
};
