// How long a call request has been waiting, for the especialista's queue. No imports: the
// queue page loads this without the rest of the booking feature.

/** "3 horas", "1 dia", "menos de 1 minuto": how long a call request has been waiting. */
export function waitingTimeLabel(createdAt: string, now: Date | number = Date.now()): string {
  const ms = (typeof now === 'number' ? now : now.getTime()) - Date.parse(createdAt)
  const minutes = Math.floor(ms / 60_000)
  if (!Number.isFinite(minutes) || minutes < 1) return 'menos de 1 minuto'
  if (minutes < 60) return minutes === 1 ? '1 minuto' : `${minutes} minutos`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return hours === 1 ? '1 hora' : `${hours} horas`
  const days = Math.floor(hours / 24)
  return days === 1 ? '1 dia' : `${days} dias`
}
