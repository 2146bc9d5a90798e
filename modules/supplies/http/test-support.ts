/**
 * The API with supplies registered, for this module's tests before apps/api/src/modules.ts lists
 * it (and unchanged after): the test file mocks that list with `withSupplies`.
 */
import type { RenxingModule } from '@renxing/http';

/** MODULES with supplies added unless it is there already. */
export function withSupplies(modules: readonly RenxingModule[], supplies: RenxingModule): RenxingModule[] {
  return modules.some((m) => m.name === supplies.name) ? [...modules] : [...modules, supplies];
}
