import { applyIndustryPreset } from '../../app/seed/presets/apply-industry-preset';
import { listIndustryPresets } from '../../app/seed/presets/list-industry-presets';
import { errorResponses } from '../../contracts/common.contract';
import {
  ZApplyPresetBody,
  ZApplyPresetResult,
  ZPresetList,
  ZPresetNameParams,
} from '../../contracts/preset.contract';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

/** Industry presets (DOMAIN §18): one switch loads a coherent policy set, from the console. */
export const presetRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/presets',
    {
      config: { permission: 'policy.manage' },
      schema: {
        tags: ['policies'],
        summary: '行业预置列表 List industry presets',
        description:
          'The presets with the one in force (policy `preset`), the policies each sets, and which policies applying it now would change.',
        response: { 200: ZPresetList, ...errorResponses },
      },
    },
    async (request) => {
      const r = await listIndustryPresets(deps, ctxOf(request));
      return {
        inForce: r.inForce,
        items: r.items.map((p) => ({
          name: p.name,
          label: { ...p.label },
          description: { ...p.description },
          inForce: p.inForce,
          sets: p.sets.map((s) => ({ key: s.key, label: { ...s.label } })),
          changes: [...p.changes],
        })),
      };
    },
  );

  app.post(
    '/api/v1/presets/:name/apply',
    {
      config: { permission: 'policy.manage' },
      schema: {
        tags: ['policies'],
        summary: '切换行业预置 Apply an industry preset',
        description:
          'Writes the preset’s complete policy set in one transaction (policies it does not set go back to their defaults), one audit row per changed policy with the reason; open deadlines are recomputed when the deadline policy changed. Departments, users and demo data are not touched. 404 PRESET_NOT_FOUND lists the presets.',
        params: ZPresetNameParams,
        body: ZApplyPresetBody,
        response: { 200: ZApplyPresetResult, ...errorResponses },
      },
    },
    async (request) => {
      const r = await applyIndustryPreset(deps, ctxOf(request), request.params.name, request.body.reason);
      return { preset: request.params.name, changed: [...r.changed], unchanged: [...r.unchanged] };
    },
  );
};
