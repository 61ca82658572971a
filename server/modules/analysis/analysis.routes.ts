import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestContext } from '../../platform/http/guard';
import { sendXlsx } from '../../platform/import/import.http';
import * as s from './analysis.schemas';
import type { AnalysisService } from './analysis.service';

/** The analysis tables (docs/regulations.md §16), each with its .xlsx. */
export async function analysisRoutes(root: FastifyInstance, deps: { analysis: AnalysisService }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { analysis } = deps;
  const tags = ['analysis'];
  const policy = { capability: 'analysis.read' };

  app.get('/api/analysis/growth', {
    config: { policy },
    schema: { tags, summary: '客户增减分析表', querystring: s.analysisQuery, response: { 200: s.growthOut } },
    handler: async (req) => analysis.growth(requestContext(req), req.query),
  });
  app.get('/api/analysis/regions', {
    config: { policy },
    schema: { tags, summary: '客户区域分析表', querystring: s.analysisQuery, response: { 200: s.regionsOut } },
    handler: async (req) => analysis.regions(requestContext(req), req.query),
  });
  app.get('/api/analysis/sales', {
    config: { policy },
    schema: { tags, summary: '客户销售分析表', querystring: s.analysisQuery, response: { 200: s.salesOut } },
    handler: async (req) => analysis.sales(requestContext(req), req.query),
  });
  app.get('/api/analysis/structure', {
    config: { policy },
    schema: { tags, summary: 'Purchase structure by product', querystring: s.analysisQuery, response: { 200: s.structureOut } },
    handler: async (req) => analysis.structure(requestContext(req), req.query),
  });
  app.get('/api/analysis/acard', {
    config: { policy },
    schema: { tags, summary: 'A卡: prospects by source, salesperson and month', querystring: s.analysisQuery, response: { 200: s.acardOut } },
    handler: async (req) => analysis.acard(requestContext(req), req.query),
  });
  app.get('/api/analysis/ccard', {
    config: { policy },
    schema: { tags, summary: 'C卡: customers by type, region, industry, product and loyalty', querystring: s.analysisQuery, response: { 200: s.ccardOut } },
    handler: async (req) => analysis.ccard(requestContext(req), req.query),
  });
  app.get('/api/analysis/:table/export.xlsx', {
    config: { policy },
    schema: { tags, summary: 'One analysis table as .xlsx in the seed form’s layout', params: s.tableParams, querystring: s.analysisQuery },
    handler: async (req, reply) => {
      const out = await analysis.exportTable(requestContext(req), req.params.table, req.query);
      return sendXlsx(reply, out.filename, out.body);
    },
  });
}
