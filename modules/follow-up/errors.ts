/** The follow-up tasks' error codes (merged into the one catalogue of @renxing/contracts). */
import { type Catalogued, defineErrors } from '@renxing/contracts';

export const FOLLOW_UP_ERRORS = defineErrors('follow-up', {
  RX_TASK_TRANSITION: {
    status: 409,
    en: 'a task cannot go from {from} to {to}',
    'zh-CN': '任务不能从“{from}”变为“{to}”',
  },
});

declare module '@renxing/contracts' {
  interface ErrorCatalogue extends Catalogued<typeof FOLLOW_UP_ERRORS> {}
}
