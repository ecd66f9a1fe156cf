// Second entry point of the accounts feature: only the lazy /admin/pessoas route imports it.
export { PeopleAdmin } from './components/PeopleAdmin'
