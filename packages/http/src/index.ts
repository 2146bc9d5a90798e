import './plugins.js';

export {
  commonErrors,
  errorRef,
  errorSchema,
  FieldError,
  installErrorHandling,
  invalid,
  requestLocale,
} from './errors.js';
export { type ImportGate, importGate } from './import-gate.js';
export { installInputRules } from './input-hook.js';
export type { AppContext, Queues, RenxingModule } from './module.js';
export { type Recent, recent } from './recent.js';
export { placePath, placeSchema, searchText, sharedSchemas, userSchema, uuidParams } from './schemas.js';
export { type Api, type SchemaTypes, typed } from './typed.js';
export { acceptFileBodies } from './uploads.js';
