/** The supplies error codes (merged into the one catalogue of @renxing/contracts). */
import { type Catalogued, defineErrors } from '@renxing/contracts';

export const SUPPLIES_ERRORS = defineErrors('supplies', {
  RX_SUPPLY_INSUFFICIENT: {
    status: 409,
    en: 'refused: {store} holds {available} {unit} of {item} usable now, {quantity} {unit} asked; nothing was moved',
    'zh-CN': '已拒绝：{store} 现有可用 {item} {available}{unit}，需 {quantity}{unit}；未作任何变动',
  },
  RX_SUPPLY_UNKNOWN_ITEM: {
    status: 400,
    en: 'no item "{item}" in the supplies catalogue',
    'zh-CN': '物资目录中没有“{item}”',
  },
  RX_SUPPLY_SAME_STORE: {
    status: 400,
    en: 'a transfer goes from one store into another: choose two different stores',
    'zh-CN': '调拨须在两个不同的仓库之间进行',
  },
  RX_SUPPLY_REASON: {
    status: 400,
    en: 'an adjustment needs a written reason',
    'zh-CN': '盘点调整须写明原因',
  },
  RX_SUPPLY_EXPIRED_LOT: {
    status: 400,
    en: 'the lot expired at {expiresAt}: expired stock cannot be received',
    'zh-CN': '该批次已于 {expiresAt} 过期，不能入库',
  },
  RX_SUPPLY_NOT_EXPIRED: {
    status: 409,
    en: 'the lot of {item} expires at {expiresAt}: only a lot past its expiry is written off as expired (use an adjustment otherwise)',
    'zh-CN': '该批 {item} 于 {expiresAt} 过期，尚未过期的批次不能报废（如有损耗请盘点调整）',
  },
  RX_SUPPLY_STORE_EXISTS: {
    status: 409,
    en: '{place} already has a store named "{name}"',
    'zh-CN': '{place} 已有名为“{name}”的仓库',
  },
});

declare module '@renxing/contracts' {
  interface ErrorCatalogue extends Catalogued<typeof SUPPLIES_ERRORS> {}
}
