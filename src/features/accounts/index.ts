// The accounts feature: password recovery, first password of an invited person, and the admin's
// "Pessoas" page. Only lazily loaded routes import it.
export { ForgotPassword, NEW_PASSWORD_PATH } from './components/ForgotPassword'
export { NewPasswordForm } from './components/NewPasswordForm'
export { authLinkErrorMessage, readAuthLink, type AuthLinkResult } from './lib/auth-link'
