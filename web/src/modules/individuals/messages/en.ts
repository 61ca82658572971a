import type { Messages } from './zh-CN';

/** 个人客户 — English */
const en: Messages = {
  individuals: {
    title: 'Individual customers',
    create: 'New individual customer',
    createTitle: 'New individual customer',
    editTitle: 'Edit individual customer: {{name}}',
    created: 'Individual customer created: {{name}}',
    updated: 'Individual customer saved',
    searchLabel: 'Search individual customers',
    searchPlaceholder: 'Name, pinyin, pinyin initials, mobile',
    initialBar: 'Filter by initial of the name',
    initialCount: '{{initial}}: {{count}}',
    initial: 'Initial',
    name: 'Name',
    gender: 'Gender',
    genderUnknown: 'Not given',
    genders: {
      male: 'Male',
      female: 'Female',
    },
    birthday: 'Date of birth',
    nationality: 'Nationality',
    mobile: 'Mobile',
    idNumber: 'ID number',
    idNumberHint: 'Checked as a resident ID card when the nationality is China; foreign guests may enter a passport number',
    notes: 'Notes',
    owner: 'Owner',
    emptyHint: 'Records of individual customers (VIP individuals, walk-in guests), kept apart from company customers.',
    emptyAction: 'Add the first individual customer',
    empty: 'No individual customers yet',
    noMatch: 'No individual customer matches',
  },
  nav: {
    individuals: 'Individual customers',
  },
};

export default en;
