import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestContext } from '../http/guard';
import { type ReferenceService, referenceLists } from './reference.service';
import { referenceLabelIn, referenceLabelOut, referenceLabelsOut, referenceLabelsQuery } from './reference.schemas';

/** The labels of the shipped reference lists in the three languages: every signed-in user reads them; administrators fill them. */
export async function referenceRoutes(root: FastifyInstance, reference: ReferenceService) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['reference 参考数据'];
  app.get('/api/reference-labels', {
    config: { policy: { capability: 'reference.read' } },
    schema: {
      tags,
      querystring: referenceLabelsQuery,
      response: { 200: referenceLabelsOut },
    },
    handler: async (req) => ({ lists: referenceLists(), items: await reference.all(req.query.list ? [req.query.list] : undefined) }),
  });
  app.put('/api/reference-labels', {
    config: { policy: { capability: 'settings.manage' } },
    schema: {
      tags,
      body: referenceLabelIn,
      response: { 200: referenceLabelOut },
    },
    handler: async (req) => reference.set(requestContext(req), { list: req.body.list, value: req.body.value, zhTW: req.body.zhTW ?? null, en: req.body.en ?? null }),
  });
}
