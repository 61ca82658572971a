import { SmileOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebModule } from '../../app/module';
import en from './messages/en';
import zhCN from './messages/zh-CN';
import zhTW from './messages/zh-TW';

const SurveysPage = lazy(() => import('./SurveysPage'));
const TemplatePage = lazy(() => import('./TemplatePage'));
const CampaignPage = lazy(() => import('./CampaignPage'));
const CampaignFormPage = lazy(() => import('./CampaignFormPage'));
const ImprovementPlanPage = lazy(() => import('./ImprovementPlanPage'));
const NewImprovementPlanPage = lazy(() => import('./ImprovementPlanPage').then((m) => ({ default: m.NewImprovementPlanPage })));
const PublicSurveyPage = lazy(() => import('./PublicSurveyPage'));

const CustomerSurveysTab = lazy(() => import('./CustomerSurveysTab').then((m) => ({ default: m.CustomerSurveysTab })));

/** Satisfaction surveys (满意度调查). */
export const surveysModule: WebModule = {
  id: 'surveys',
  routes: [
    { path: '/surveys', page: SurveysPage, capability: 'surveys.read' },
    { path: '/surveys/templates/new', page: TemplatePage, capability: 'surveys.manage' },
    { path: '/surveys/templates/:id', page: TemplatePage, capability: 'surveys.read' },
    { path: '/surveys/campaigns/new', page: CampaignFormPage, capability: 'surveys.manage' },
    { path: '/surveys/campaigns/:id', page: CampaignPage, capability: 'surveys.read' },
    { path: '/surveys/campaigns/:id/edit', page: CampaignFormPage, capability: 'surveys.manage' },
    { path: '/surveys/campaigns/:campaignId/improvement-plans/new', page: NewImprovementPlanPage, capability: 'surveys.manage' },
    { path: '/surveys/improvement-plans/:id', page: ImprovementPlanPage, capability: 'surveys.read' },
    // The customer's personal questionnaire link: no sign-in (issue 5 point 9).
    { path: '/public/survey/:token', page: PublicSurveyPage, frame: 'public' },
  ],
  menu: [{ path: '/surveys', labelKey: 'surveys.nav', icon: <SmileOutlined />, capability: 'surveys.read', group: 'business', order: 40 }],
  customerTabs: [{ key: 'surveys', labelKey: 'surveys.customerTab.label', capability: 'surveys.read', order: 145, component: CustomerSurveysTab }],
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
};
