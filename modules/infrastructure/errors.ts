/** Infrastructure's error codes (merged into the one catalogue of @renxing/contracts). */
import { type Catalogued, defineErrors } from '@renxing/contracts';

export const INFRASTRUCTURE_ERRORS = defineErrors('infrastructure', {
  // network (assets, links, N-1, drills)
  RX_NO_SUCH_ASSET: {
    status: 404,
    en: 'no asset {asset}',
    'zh-CN': '没有设施 {asset}',
  },
  // sensors and alarms
  RX_NO_SUCH_SENSOR: {
    status: 404,
    en: 'no sensor {sensor}',
    'zh-CN': '没有传感器 {sensor}',
  },
  RX_NO_SUCH_ALARM: {
    status: 404,
    en: 'no alarm {alarm}',
    'zh-CN': '没有告警 {alarm}',
  },
  RX_SENSOR_OF_OTHER_ASSET: {
    status: 409,
    en: 'sensor {sensor} belongs to asset {asset}: a sensor does not move to another asset',
    'zh-CN': '传感器 {sensor} 属于设施 {asset}：传感器不能改属其他设施',
  },
  RX_BAD_SENSOR_ID: {
    status: 400,
    en: 'sensor id {sensor} cannot be an MQTT topic level: use letters, digits, . _ : - (at most 64)',
    'zh-CN': '传感器编号 {sensor} 不能用作 MQTT 主题层级：请用字母、数字和 . _ : -（最多 64 个字符）',
  },
});

declare module '@renxing/contracts' {
  interface ErrorCatalogue extends Catalogued<typeof INFRASTRUCTURE_ERRORS> {}
}
