-- One vocabulary (docs/glossary.md): the hints that reach people name the especialista without a
-- gendered article. Same bodies as in force before (supabase/schema/current.sql), hints reworded;
-- create or replace keeps the grants.

CREATE OR REPLACE FUNCTION public.assign_call_request(p_call_request_id uuid, p_prestador_id uuid, p_starts_at timestamp with time zone, p_ends_at timestamp with time zone, p_meeting_type meeting_type DEFAULT 'phone'::meeting_type)
 RETURNS bookings
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v_request public.call_requests;
  v_booking public.bookings;
  v_uid uuid := (select auth.uid());
begin
  if (select private.current_app_role()) is distinct from 'especialista' then
    raise exception 'assign_not_allowed'
      using errcode = '42501', hint = 'Só especialistas podem atribuir pedidos.';
  end if;
  select * into v_request from public.call_requests cr where cr.id = p_call_request_id for update;
  if not found then
    raise exception 'call_request_not_found'
      using errcode = 'PT404', hint = 'O pedido já não existe.';
  end if;
  if v_request.status <> 'open' then
    raise exception 'call_request_taken'
      using errcode = 'PT409', hint = 'Este pedido já foi atribuído entretanto por outra pessoa da equipa.';
  end if;
  if not exists (
    select 1 from public.prestadores p
    where p.id = p_prestador_id and p.pillar = v_request.pillar and p.active
  ) then
    raise exception 'prestador_wrong_pillar'
      using errcode = '22023', hint = 'Escolha um prestador do pilar do pedido.';
  end if;
  if not private.slot_is_bookable(p_prestador_id, p_starts_at, p_ends_at) then
    raise exception 'slot_taken'
      using errcode = 'PT409', hint = 'Este horário acabou de ser reservado.';
  end if;
  begin
    insert into public.bookings (
      user_id, prestador_id, pillar, starts_at, ends_at, meeting_type, status, booking_source, created_by
    ) values (
      v_request.user_id, p_prestador_id, v_request.pillar, p_starts_at, p_ends_at,
      p_meeting_type, 'scheduled', 'specialist_referral', v_uid
    ) returning * into v_booking;
  exception when exclusion_violation then
    raise exception 'slot_taken'
      using errcode = 'PT409', hint = 'Este horário acabou de ser reservado.';
  end;
  update public.call_requests cr
  set status = 'assigned', especialista_id = v_uid, booking_id = v_booking.id, assigned_at = now()
  where cr.id = p_call_request_id;
  return v_booking;
end;
$function$;

CREATE OR REPLACE FUNCTION public.save_meeting_link(p_booking_id uuid, p_meeting_link text, p_expected_updated_at timestamp with time zone DEFAULT NULL::timestamp with time zone)
 RETURNS booking_links
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  v_current public.booking_links;
begin
  if not private.can_edit_link(p_booking_id) then
    raise exception 'meeting_link_not_allowed'
      using errcode = '42501',
            hint = 'Só o prestador da sessão, quem acompanha o caso como especialista ou um administrador podem alterar o link de uma sessão virtual ativa.';
  end if;

  select * into v_current from public.booking_links l
  where l.booking_id = p_booking_id
  for update;

  if found then
    if v_current.updated_at is distinct from p_expected_updated_at then
      raise exception 'stale_meeting_link'
        using errcode = 'PT409', detail = row_to_json(v_current)::text,
              hint = 'O link foi alterado por outra pessoa.';
    end if;
    update public.booking_links l set meeting_link = p_meeting_link
    where l.booking_id = p_booking_id
    returning * into v_current;
  else
    if p_expected_updated_at is not null then
      raise exception 'stale_meeting_link'
        using errcode = 'PT409', detail = 'null', hint = 'O link foi alterado por outra pessoa.';
    end if;
    insert into public.booking_links (booking_id, meeting_link)
    values (p_booking_id, p_meeting_link)
    on conflict (booking_id) do nothing
    returning * into v_current;
    if v_current.booking_id is null then
      -- Someone else inserted between our read and our write.
      select * into v_current from public.booking_links l where l.booking_id = p_booking_id;
      raise exception 'stale_meeting_link'
        using errcode = 'PT409', detail = row_to_json(v_current)::text,
              hint = 'O link foi alterado por outra pessoa.';
    end if;
  end if;
  return v_current;
end;
$function$;
