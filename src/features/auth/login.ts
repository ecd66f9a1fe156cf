// Second entry point of the auth feature: only the lazy /login route imports it, so the
// form and its validation (zod/mini) stay out of the first-load bundle of other pages.
export { LoginForm, type LoginFormProps } from './components/LoginForm'
export { signInErrorMessage, SIGN_IN_MESSAGES } from './lib/sign-in-error'
