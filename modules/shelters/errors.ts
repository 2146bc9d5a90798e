/** Shelters' error codes (merged into the one catalogue of @renxing/contracts). */
import { type Catalogued, defineErrors } from '@renxing/contracts';

export const SHELTERS_ERRORS = defineErrors('shelters', {
  RX_SHELTER_FULL: {
    status: 409,
    en: 'no room at {shelter}: {available} places left, {people} asked',
    'zh-CN': '{shelter} 容量不足：剩余 {available} 个位置，需要 {people} 个',
  },
  RX_SHELTER_CLOSED: {
    status: 409,
    en: '{shelter} is closed: open it before checking people in',
    'zh-CN': '{shelter} 未开放：请先开放再登记入住',
  },
  RX_ALREADY_CHECKED_IN: {
    status: 409,
    en: '{name} is already checked in at {shelter}: check them out there first',
    'zh-CN': '{name} 已在 {shelter} 登记入住，请先在那里办理离开',
  },
  RX_SHELTER_EXISTS: {
    status: 409,
    en: 'a shelter named {name} already exists at {place}',
    'zh-CN': '{place} 已有名为 {name} 的避难场所',
  },
  RX_NO_HOME_LOCATION: {
    status: 409,
    en: 'no location is known for {what} (its community has no centre on the map): give lon and lat',
    'zh-CN': '{what} 没有可用的位置（所在社区未标注中心点），请提供经纬度',
  },
});

declare module '@renxing/contracts' {
  interface ErrorCatalogue extends Catalogued<typeof SHELTERS_ERRORS> {}
}
