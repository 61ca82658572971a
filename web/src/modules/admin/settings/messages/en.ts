import type { Messages } from './zh-CN';

/** 系统设置 — English */
const en: Messages = {
  settings: {
    title: 'Settings',
    groups: {
      security: 'Security and sign-in',
      calendar: 'Working-day calendar',
      archive: 'Customer archive',
      classification: 'Classification',
      complaints: 'Complaints',
      visits: 'Follow-up visits',
      notifications: 'Notifications',
      contracts: 'Contracts',
      development: 'Customer development',
      surveys: 'Satisfaction surveys',
    },
    readOnly: 'You can view the settings; changing them needs the “manage settings” permission.',
    defaultHint: 'Default: {{value}}',
    invalidJson: 'Not valid JSON',
    source: 'Source: {{source}}',
    on: 'On',
    off: 'Off',
    isDefault: 'Default',
    changed: 'Changed',
    secretSet: 'Set',
    secretNotSet: 'Not set',
    replaceSecret: 'Replace',
    newSecret: 'New value',
    blankClears: 'Save blank to clear it',
    secretHint: 'A secret: it is never shown again once saved.',
    secretHintEnv: 'A secret: it is never shown again once saved. The server may supply it in the environment variable {{name}} instead, which then wins.',
    fromEnv: 'Supplied by the environment variable {{name}}',
  },
  nav: {
    settings: 'Settings',
  },
};

export default en;
