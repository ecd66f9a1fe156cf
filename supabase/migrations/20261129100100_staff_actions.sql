-- Staff actions that cannot hurt (issue 9):
-- - reschedule_booking: everyone but an admin may move a session only into a bookable slot
--   (private.slot_is_bookable: weekly hours, blocked dates, buffer, session length, the
--   session itself excluded). An admin may place it outside those rules only by saying so
--   (p_override = true); the exclusion constraint still refuses an overlap for everyone.
-- - mark_booking_no_show: the prestador of the session (or an admin) records that the
--   employee did not come, from the start of a scheduled session.
-- - cancel_booking: an employee cannot cancel a session that has started, and need not give
--   a reason (people should not have to explain why they skip a therapy session); staff
--   still must.

-- An employee's own cancellation may carry no reason; anyone else's needs one.
alter table public.bookings drop constraint bookings_cancel_reason_when_cancelled;
alter table public.bookings add constraint bookings_cancel_reason_when_cancelled
  check (status <> 'cancelled' or cancellation_reason is not null or cancelled_by = user_id);

-- Same signature as before (grants kept). Staff give a reason; the employee may leave it
-- empty (stored as null) and may cancel only before the session starts.
create or replace function public.cancel_booking(p_booking_id uuid, p_reason text)
returns public.bookings
language plpgsql security definer set search_path = '' as $$
declare
  v_booking public.bookings := private.booking_for_caller(p_booking_id, true);
  -- The booking's employee acting as such (an admin is staff, whoever the booking is for).
  v_employee boolean := v_booking.user_id = (select auth.uid()) and not (select private.is_admin());
  v_reason text := btrim(coalesce(p_reason, ''));
begin
  if v_reason = '' and not v_employee then
    raise exception 'cancel_reason_required'
      using errcode = '22023', hint = 'Indique o motivo do cancelamento.';
  end if;
  if char_length(v_reason) > 500 then
    raise exception 'cancel_reason_too_long'
      using errcode = '22023', hint = 'O motivo pode ter no máximo 500 caracteres.';
  end if;
  if v_booking.status not in ('pending', 'scheduled') then
    raise exception 'booking_not_active'
      using errcode = '22023', hint = 'Esta sessão já não está ativa.';
  end if;
  if v_employee and now() >= v_booking.starts_at then
    raise exception 'booking_already_started'
      using errcode = '22023', hint = 'A sessão já começou: já não pode ser cancelada.';
  end if;
  update public.bookings b
  set status = 'cancelled', cancellation_reason = nullif(v_reason, ''),
      cancelled_by = (select auth.uid()), cancelled_at = now()
  where b.id = p_booking_id
  returning * into v_booking;
  return v_booking;
end;
$$;

-- The prestador of the session or an admin records that the employee did not come: only
-- for a scheduled session, and only once it has started (like complete_booking).
create function public.mark_booking_no_show(p_booking_id uuid)
returns public.bookings
language plpgsql security definer set search_path = '' as $$
declare
  v_booking public.bookings := private.booking_for_caller(p_booking_id, false);
begin
  if not ((select private.is_admin()) or v_booking.prestador_id = (select auth.uid())) then
    raise exception 'booking_not_allowed'
      using errcode = '42501', hint = 'Só o prestador da sessão pode registar que o colaborador faltou.';
  end if;
  if v_booking.status <> 'scheduled' then
    raise exception 'booking_not_scheduled'
      using errcode = '22023', hint = 'Só pode registar a falta numa sessão agendada.';
  end if;
  if now() < v_booking.starts_at then
    raise exception 'no_show_not_started'
      using errcode = '22023', hint = 'Só pode registar a falta depois de a sessão começar.';
  end if;
  update public.bookings b set status = 'no_show'
  where b.id = p_booking_id
  returning * into v_booking;
  return v_booking;
end;
$$;
revoke all on function public.mark_booking_no_show(uuid) from public, anon;
grant execute on function public.mark_booking_no_show(uuid) to authenticated, service_role;

-- The override is a new argument, so the three-argument function goes: two overloads would
-- make PostgREST's call ambiguous.
drop function public.reschedule_booking(uuid, timestamptz, timestamptz);

create function public.reschedule_booking(
  p_booking_id uuid, p_starts_at timestamptz, p_ends_at timestamptz, p_override boolean default false
) returns public.bookings
language plpgsql security definer set search_path = '' as $$
declare
  v_booking public.bookings := private.booking_for_caller(p_booking_id, false);
  v_override boolean := coalesce(p_override, false);
begin
  if v_override and not (select private.is_admin()) then
    raise exception 'reschedule_override_not_allowed'
      using errcode = '42501', hint = 'Só um administrador pode marcar uma sessão fora dos horários livres.';
  end if;
  if v_booking.status not in ('pending', 'scheduled') then
    raise exception 'booking_not_active'
      using errcode = '22023', hint = 'Esta sessão já não está ativa.';
  end if;
  if p_starts_at is null or p_ends_at is null or p_ends_at <= p_starts_at then
    raise exception 'reschedule_invalid_range'
      using errcode = '22023', hint = 'A hora de fim tem de ser depois da hora de início.';
  end if;
  if p_ends_at - p_starts_at > interval '8 hours' then
    raise exception 'reschedule_too_long'
      using errcode = '22023', hint = 'Uma sessão não pode durar mais de 8 horas.';
  end if;
  if p_starts_at <= now() then
    raise exception 'reschedule_in_past'
      using errcode = '22023', hint = 'Escolha uma data e hora no futuro.';
  end if;
  -- The same rule as booking, the session being moved aside (its own time is not busy).
  if not v_override
     and not private.slot_is_bookable(v_booking.prestador_id, p_starts_at, p_ends_at, v_booking.id) then
    raise exception 'reschedule_slot_not_bookable'
      using errcode = '22023',
            hint = 'Esse horário não está livre na agenda do prestador. Escolha um dos horários livres.';
  end if;
  begin
    update public.bookings b set starts_at = p_starts_at, ends_at = p_ends_at
    where b.id = p_booking_id
    returning * into v_booking;
  exception when exclusion_violation then
    raise exception 'booking_overlap'
      using errcode = 'PT409', hint = 'O prestador já tem uma sessão nesse horário.';
  end;
  return v_booking;
end;
$$;
revoke all on function public.reschedule_booking(uuid, timestamptz, timestamptz, boolean) from public, anon;
grant execute on function public.reschedule_booking(uuid, timestamptz, timestamptz, boolean)
  to authenticated, service_role;
