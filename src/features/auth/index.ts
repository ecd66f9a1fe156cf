// Public API of the auth feature, loaded with the app shell. The sign-in form (and zod)
// lives in './login' so it is only downloaded with the /login route chunk.
export { AuthProvider } from './components/AuthProvider'
export { RequireRole, NoAccess, type RequireRoleProps } from './components/RequireRole'
export { SignOutButton, SIGN_OUT_TEXT } from './components/SignOutButton'
export { AuthContext, useAuth, useProfile, type AuthContextValue, type AuthStatus } from './auth-context'
export { authKeys, fetchProfile } from './api/profile'
export { homePathFor, roleLabel, safeNextPath, loginPathFor } from './lib/roles'
export type { AppRole, Profile } from './types'
