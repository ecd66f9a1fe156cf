// The titles alone (no date formatting), for code that loads with the bell.
export const NOTIFICATION_TITLES = {
  bookingCreatedForPrestador: 'Nova sessão marcada consigo',
  bookingCreatedForEmployee: 'Foi marcada uma sessão para si',
  bookingCreated: 'Nova sessão marcada',
  linkSaved: 'O link da sessão já está definido',
  linkChanged: 'O link da sessão foi alterado',
  rescheduled: 'Sessão reagendada',
  cancelled: 'Sessão cancelada',
  starting: 'A sua sessão começa em 5 minutos',
  unknown: 'Atualização de uma sessão',
} as const
