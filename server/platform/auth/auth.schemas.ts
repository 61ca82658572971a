import { z } from 'zod';
import { ROLES, SCOPES } from '../permissions/roles';

/** The signed-in user as `GET /api/auth/me` and `POST /api/auth/login` send it; capabilities are registered by the modules, so they are plain names. */
export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  capabilities: z.array(z.string()),
  scope: z.enum(SCOPES),
  departmentId: z.number().nullable(),
  teamIds: z.array(z.number()),
  locale: z.string(),
  mustChangePassword: z.boolean(),
});
export const meResponse = z.object({ user: meSchema, csrfToken: z.string() });
