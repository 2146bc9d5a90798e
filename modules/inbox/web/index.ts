/** What other modules' screens may use of the inbox's: the tabs of the community's inbox. */
export { INBOX_ROLES, InboxTabs } from './tabs.js';
