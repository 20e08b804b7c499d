import { useEffect, useState } from 'react';
import type { Me } from '../../../../src/platform/auth/auth.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import type { Option } from '../../platform/components/SelectField.tsx';
import { territoriesApi } from './territories-api.ts';

const ISTAT = /^\d{6}$/;
const cache = new Map<string, Promise<Option[]>>();

/**
 * The municipalities the user's grants cover: municipality grants directly, Unions and Districts
 * expanded through their groups, sub-municipal areas through their municipality. Used to offer a
 * filter and a default; the server still decides what the user may see.
 */
async function load(me: Me): Promise<Option[]> {
  const names = new Map<string, string>();
  for (const grant of me.grants) {
    if (grant.territoryKind === 'municipality' && ISTAT.test(grant.territoryId)) {
      names.set(grant.territoryId, grant.territoryName);
    }
  }
  const groupIds = new Set(
    me.grants.filter((g) => g.territoryKind === 'union' || g.territoryKind === 'district').map((g) => g.territoryId),
  );
  if (groupIds.size) {
    const groups = await territoriesApi.groups().catch(() => []);
    for (const group of groups) {
      if (!groupIds.has(group.id)) continue;
      for (const m of group.municipalities) names.set(m.istatCode, m.name);
    }
  }
  const areaIds = new Set(me.grants.filter((g) => g.territoryKind === 'area').map((g) => g.territoryId));
  if (areaIds.size) {
    const areas = await territoriesApi.areas().catch(() => []);
    const missing = areas.filter((a) => areaIds.has(a.id) && !names.has(a.municipalityCode)).map((a) => a.municipalityCode);
    if (missing.length) {
      const found = await territoriesApi.municipalities({ codes: [...new Set(missing)].join(','), limit: 100 }).catch(() => []);
      for (const m of found) names.set(m.istatCode, m.name);
    }
  }
  return [...names].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'it'));
}

export function useMyMunicipalities(): { options: Option[]; isLoading: boolean } {
  const me = useMe();
  const [state, setState] = useState<{ options: Option[]; isLoading: boolean }>({ options: [], isLoading: true });
  useEffect(() => {
    const key = `${me.id}:${me.grants.map((g) => g.id).join(',')}`;
    let promise = cache.get(key);
    if (!promise) {
      promise = load(me);
      cache.set(key, promise);
      void promise.catch(() => cache.delete(key));
    }
    let cancelled = false;
    void promise.then(
      (options) => {
        if (!cancelled) setState({ options, isLoading: false });
      },
      () => {
        if (!cancelled) setState({ options: [], isLoading: false });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [me]);
  return state;
}
