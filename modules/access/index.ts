export { ACCESS } from './access.js';
export { default as authRoutes } from './http/auth-routes.js';
export { inScope, requireInScope, scopeOf } from './http/scope.js';
export { installAuth, type SessionOptions } from './http/session.js';
export { default as userRoutes } from './http/users-routes.js';
export { accessModule } from './module.js';
export { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from './service/password.js';
export { type CreateUser, createUser } from './service/users.js';
export {
  insertSession,
  insertUser,
  type NewSession,
  type NewUser,
  revokeSession,
  type StaffMember,
  sessionUser,
  staffUnder,
  USER_ROLES,
  type User,
  type UserRole,
  userById,
  userCredentials,
  userUnit,
} from './store/users.js';
