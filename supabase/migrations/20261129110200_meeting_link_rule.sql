-- One rule for meeting links (issue 10, finding 4): the database refuses exactly what the app's
-- parser refuses (src/features/meeting-link/lib/parse-meeting-link.ts). The old CHECK let IP
-- hosts, bidi and zero-width characters, punycode hosts and localhost.localdomain through, and the
-- employee's card then showed no link or "Outra plataforma". One table of cases
-- (src/features/meeting-link/lib/meeting-link-cases.ts) runs against both; change them together.

-- JavaScript's String.prototype.trim: ASCII whitespace, NBSP, U+1680, U+2000-U+200A, line and
-- paragraph separators, U+202F, U+205F, U+3000 and the BOM.
create function private.trim_like_js(p_text text) returns text
language sql immutable parallel safe set search_path = '' as $$
  select regexp_replace(
    p_text,
    '^[\u0009-\u000D\u0020\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]+|[\u0009-\u000D\u0020\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]+$',
    '', 'g')
$$;

-- Whether parseMeetingLink accepts the text. Steps in the parser's order:
--   trimmed, not empty, at most 2048 characters (2047 without a path: the stored href gains "/");
--   printable ASCII only (no whitespace, controls, bidi/zero-width, accents, homoglyphs);
--   none of \ " ' < > ` { } (read differently by different tools, or rewritten by URL parsers);
--   "https://" in any case, then a host with an optional port of 1-5 digits up to 65535,
--   no credentials (no "@" before the path);
--   the host: letters, digits and hyphens in labels of 1-63 (no leading/trailing hyphen), at least
--   two labels, at most 253 characters, a TLD of 2-63 letters (so no IP literal), no punycode
--   label (xn--), no localhost label, no special-use or private suffix.
create function private.meeting_link_allowed(p_link text) returns boolean
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  v_link text := private.trim_like_js(p_link);
  v_parts text[];
  v_host text;
begin
  if v_link is null or v_link = '' or char_length(v_link) > 2048 then
    return false;
  end if;
  if v_link ~ '[^!-~]' or v_link ~ '[\\"''<>`{}]' then
    return false;
  end if;
  v_parts := regexp_match(v_link, '^[Hh][Tt][Tt][Pp][Ss]://([^/?#]*)(.*)$');
  if v_parts is null then
    return false;
  end if;
  if left(v_parts[2], 1) <> '/' and char_length(v_link) > 2047 then
    return false;
  end if;
  v_parts := regexp_match(lower(v_parts[1]), '^([^:@]*)(:([0-9]{1,5}))?$');
  if v_parts is null or (v_parts[3] is not null and v_parts[3]::integer > 65535) then
    return false;
  end if;
  v_host := v_parts[1];
  return char_length(v_host) <= 253
    and v_host ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,63}$'
    and v_host !~ '(^|\.)xn--'
    and v_host !~ '(^|\.)localhost(\.|$)'
    and v_host !~ '(^|\.)(local|internal|lan|home\.arpa|test|invalid|example|localdomain)$';
end;
$$;

revoke all on function private.trim_like_js(text), private.meeting_link_allowed(text) from public, anon;
grant execute on function private.trim_like_js(text), private.meeting_link_allowed(text)
  to authenticated, service_role;

-- Stored links are trimmed like the app trims them (the old trigger trimmed spaces only).
create or replace function private.stamp_booking_link() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'UPDATE' and new.booking_id is distinct from old.booking_id then
    raise exception 'booking_link_booking_not_editable' using errcode = '42501';
  end if;
  new.meeting_link := nullif(private.trim_like_js(new.meeting_link), '');
  new.updated_by := coalesce((select auth.uid()), new.updated_by);
  -- clock_timestamp, not now(): two saves in one transaction still get distinct versions.
  new.updated_at := clock_timestamp();
  return new;
end;
$$;

alter table public.booking_links drop constraint booking_links_meeting_link_https;
alter table public.booking_links add constraint booking_links_meeting_link_rule
  check (meeting_link is null or private.meeting_link_allowed(meeting_link));
