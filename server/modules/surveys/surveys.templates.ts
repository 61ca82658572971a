import { updateVersioned } from '../../db/versioned.queries';
import { actorInfo } from '../../platform/audit/audit.service';
import { AppError, errors } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import type { RequestContext } from '../../platform/permissions/actor';
import { surveyQueries as q } from './surveys.queries';
import { definitionProblems } from './surveys.rules';
import { type TemplateInput, parseDefinition, questionCount, type SurveyCore } from './surveys.core';

/** Questionnaire templates: drafts, frozen published versions, copies. */
export function createTemplateUseCases(core: SurveyCore) {
  const { db, audit, now, loadTemplate, checkDefinition, viewTemplate } = core;
  return {

    async listTemplates(f: { all?: boolean; status?: string; q?: string }) {
      const rows = await q.templates(db, f);
      return rows.map((row) => ({ row, questionCount: questionCount(parseDefinition(row.definition)) }));
    },

    viewTemplate,

    async createTemplate(ctx: RequestContext, input: TemplateInput) {
      const def = checkDefinition(input);
      const t0 = now();
      const id = await db.transaction().execute(async (trx) => {
        const newId = await q.insertTemplate(trx, {
          name: input.name,
          description: input.description ?? null,
          intro: input.intro ?? null,
          definition: JSON.stringify(def),
          status: 'draft',
          created_by: ctx.actor.id,
          created_at: t0,
          updated_at: t0,
        });
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'survey_template', entityId: newId, summary: input.name, changes: { name: [null, input.name], questions: [null, questionCount(def)] } });
        return newId;
      });
      return viewTemplate(ctx, id);
    },

    /**
     * A draft is edited in place; a published version is frozen (answers reference it), so editing it
     * makes the next version of the family as a draft. `created` tells which happened.
     */
    async updateTemplate(ctx: RequestContext, id: number, input: TemplateInput & { version: number }) {
      const before = await loadTemplate(id);
      const def = checkDefinition(input);
      const t0 = now();
      if (before.status === 'draft') {
        await db.transaction().execute(async (trx) => {
          await updateVersioned(trx, 'survey_templates', id, input.version, { name: input.name, description: input.description ?? null, intro: input.intro ?? null, definition: JSON.stringify(def) }, t0);
          await audit.record(trx, actorInfo(ctx), {
            action: 'update',
            entityType: 'survey_template',
            entityId: id,
            summary: input.name,
            changes: { name: [before.name, input.name], questions: [questionCount(parseDefinition(before.definition)), questionCount(def)] },
          });
        });
        return { created: false, template: await viewTemplate(ctx, id) };
      }
      if (before.version !== input.version) throw errors.staleVersion();
      const newId = await db.transaction().execute(async (trx) => {
        const versions = await q.familyVersions(trx, before.family_id!);
        if (versions[0].id !== id) throw new AppError('conflict', 'survey.newer_version_exists', [], { version: versions[0].version_no }, 409, { newerId: versions[0].id });
        const created = await q.insertTemplate(trx, {
          family_id: before.family_id,
          version_no: versions[0].version_no + 1,
          name: input.name,
          description: input.description ?? null,
          intro: input.intro ?? null,
          definition: JSON.stringify(def),
          status: 'draft',
          created_by: ctx.actor.id,
          created_at: t0,
          updated_at: t0,
        });
        await audit.record(trx, actorInfo(ctx), {
          action: 'version.create',
          entityType: 'survey_template',
          entityId: created,
          summary: input.name,
          changes: { familyId: [null, before.family_id], versionNo: [versions[0].version_no, versions[0].version_no + 1], fromTemplateId: [null, id] },
        });
        return created;
      });
      return { created: true, template: await viewTemplate(ctx, newId) };
    },

    async publishTemplate(ctx: RequestContext, id: number, version: number) {
      const before = await loadTemplate(id);
      if (before.status !== 'draft') throw errors.conflict('survey.template_published');
      const problems = definitionProblems(parseDefinition(before.definition));
      if (problems.length) throw errors.validation(problems);
      await db.transaction().execute(async (trx) => {
        const t0 = now();
        await updateVersioned(trx, 'survey_templates', id, version, { status: 'published', published_at: t0, published_by: ctx.actor.id }, t0);
        await audit.record(trx, actorInfo(ctx), { action: 'publish', entityType: 'survey_template', entityId: id, summary: before.name, changes: { status: ['draft', 'published'] } });
      });
      return viewTemplate(ctx, id);
    },

    /** A new questionnaire (its own family) starting from this one, as a draft. */
    async copyTemplate(ctx: RequestContext, id: number) {
      const src = await loadTemplate(id);
      const name = t(ctx.lang, 'survey.copy_name', { name: src.name }).slice(0, 100);
      const t0 = now();
      const newId = await db.transaction().execute(async (trx) => {
        const created = await q.insertTemplate(trx, {
          name,
          description: src.description,
          intro: src.intro,
          definition: src.definition,
          status: 'draft',
          created_by: ctx.actor.id,
          created_at: t0,
          updated_at: t0,
        });
        await audit.record(trx, actorInfo(ctx), { action: 'copy', entityType: 'survey_template', entityId: created, summary: name, changes: { fromTemplateId: [null, id] } });
        return created;
      });
      return viewTemplate(ctx, newId);
    },

    async deleteTemplate(ctx: RequestContext, id: number) {
      const before = await loadTemplate(id);
      if (before.status !== 'draft') throw errors.conflict('survey.template_published');
      await db.transaction().execute(async (trx) => {
        await q.deleteTemplate(trx, id);
        await audit.record(trx, actorInfo(ctx), { action: 'delete', entityType: 'survey_template', entityId: id, summary: before.name });
      });
    },
  };
}
