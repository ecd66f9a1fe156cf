// Light entry for the app shell (AppLayout): the bell only. The list, texts and mutations
// are lazy chunks behind it; import everything else from '@/features/notifications'.
export { NotificationBell, bellLabel, type NotificationBellProps } from './components/NotificationBell'
