import { z } from 'zod';
import { ROLES, SCOPES } from '../permissions/roles';

/** `GET /api/roles`: every role with its data scope and capabilities. */
export const rolesOut = z.object({
  items: z.array(z.object({ role: z.enum(ROLES), scope: z.enum(SCOPES), capabilities: z.array(z.string()) })),
});
