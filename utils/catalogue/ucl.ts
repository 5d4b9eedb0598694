import type { Profile } from './profile';

const LEARNING_PAGE = 'https://www.ucl.ac.uk/human-resources/learning-development/mandatory-learning';

/** UCL defaults from the HR FAQ and mandatory training policy; cadences are editable defaults (docs/rules.md). */
export const UCL_PROFILE: Profile = {
  version: 1,
  organisation: 'UCL',
  emailDomain: 'ucl.ac.uk',
  portalHost: 'ucl.learnupon.com',
  mailbox: 'UCLmandatorystafflearning@ucl.ac.uk',
  subjectTemplate: 'Mandatory Training ({course}) completion issue',
  dateOrder: 'day-first',
  dueSoonDays: 30,
  remindersEnabled: true,
  courses: [
    { name: 'Information Security Training', aliases: ['Information Security', 'Information Security Training with CybSafe', 'CybSafe Information Security', 'CCSA'], platform: 'cybsafe', cadenceMonths: 12, scope: 'all-staff', url: 'https://app.cybsafe.com/' },
    { name: 'Data Protection and Freedom of Information', aliases: ['Data Protection & Freedom of Information', 'Data Protection and FOI', 'Data Protection'], platform: 'learnupon', cadenceMonths: 12, scope: 'all-staff', url: LEARNING_PAGE },
    { name: 'UCL Fire Safety', aliases: ['Fire Safety', 'Fire Safety Awareness'], platform: 'learnupon', cadenceMonths: 36, scope: 'all-staff', url: LEARNING_PAGE },
    { name: 'Prevent at UCL', aliases: ['Prevent', 'Prevent Duty'], platform: 'learnupon', cadenceMonths: 36, scope: 'all-staff', url: LEARNING_PAGE },
    { name: 'Change Possible: Sustainable UCL', aliases: ['Change Possible', 'Sustainable UCL'], platform: 'learnupon', cadenceMonths: 36, scope: 'all-staff', url: LEARNING_PAGE },
    { name: 'Introduction to Equality, Diversity, and Inclusion', aliases: ['Introduction to Equality Diversity and Inclusion', 'Equality, Diversity and Inclusion', 'EDI'], platform: 'learnupon', cadenceMonths: 36, scope: 'all-staff', url: LEARNING_PAGE },
    { name: 'Disclosing and managing conflicts of interests at UCL', aliases: ['Disclosing and managing conflicts of interest at UCL', 'Conflicts of Interest'], platform: 'learnupon', cadenceMonths: 36, scope: 'all-staff', url: LEARNING_PAGE },
    { name: 'UCL Safety Induction', aliases: ['Safety Induction'], platform: 'learnupon', cadenceMonths: null, scope: 'all-staff', url: LEARNING_PAGE },
  ],
};
