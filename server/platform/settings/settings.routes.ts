import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestContext } from '../http/guard';
import { version } from '../http/schemas';
import { SETTING_GROUPS, SETTINGS_BY_KEY } from './settings.registry';
import type { SettingState, SettingsService } from './settings.service';
import { settingGroupsOut, settingOut } from './settings.schemas';

function present(s: SettingState) {
  const d = SETTINGS_BY_KEY.get(s.key)!;
  // The registry's schemas give on / off, numbers, texts and tables; a credential is write-only: the answer says whether it is set, never what it is.
  type Value = boolean | number | string | unknown[] | Record<string, unknown>;
  const value = d.secret ? { set: s.value !== '' && s.value != null } : (s.value as Value);
  return {
    ...s,
    value,
    label: d.label,
    unit: d.unit ?? null,
    default: d.default as Value,
    source: d.source ?? null,
    secret: d.secret ?? false,
    env: d.env ?? null,
  };
}

export async function settingsRoutes(root: FastifyInstance, settings: SettingsService) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['settings 系统设置'];

  app.get('/api/settings', {
    config: { policy: { capability: 'settings.read' } },
    schema: { tags, response: { 200: settingGroupsOut } },
    handler: async () => {
      const all = await settings.all();
      return {
        groups: SETTING_GROUPS.map((g) => ({
          group: g.key,
          label: g.label,
          items: all.filter((s) => SETTINGS_BY_KEY.get(s.key)!.group === g.key).map(present),
        })).filter((g) => g.items.length > 0),
      };
    },
  });

  app.put('/api/settings/:key', {
    config: { policy: { capability: 'settings.manage' } },
    schema: {
      tags,
      params: z.object({ key: z.string().max(100) }),
      body: z.object({ value: z.unknown(), version }).strict(),
      response: { 200: settingOut },
    },
    handler: async (req) => present(await settings.update(requestContext(req), req.params.key, req.body.value, req.body.version)),
  });
}
