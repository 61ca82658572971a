import { z } from 'zod';
import { CAPABILITIES, ROLES, SCOPES } from '../permissions/roles';

/** The signed-in user as `GET /api/auth/session` and `POST /api/auth/login` send it; the web types its session from this. */
export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  capabilities: z.array(z.enum(CAPABILITIES)),
  scope: z.enum(SCOPES),
  departmentId: z.number().nullable(),
  teamIds: z.array(z.number()),
  locale: z.string(),
  mustChangePassword: z.boolean(),
});
export const meResponse = z.object({ user: meSchema, csrfToken: z.string() });
