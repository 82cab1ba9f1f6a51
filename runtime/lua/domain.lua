-- Domains (OCaml 5.x, runtime/domain.c) on a single Lua thread.
--
-- Only one domain ever runs. Domain.spawn f runs f to completion at once,
-- inside caml_domain_spawn, as a new domain: it gets the next unique id
-- (Domain.self () = 1, 2, ...), the first free index (Domain.self_index) and
-- its own domain-local storage; the spawner's DLS and identity come back
-- afterwards. The result (Ok v or Error exn) is stored in the term_sync record,
-- so Domain.join returns the value or re-raises the exception. A domain that
-- waits for another one (Condition.wait, a held Mutex) cannot be scheduled:
-- those raise Failure (sync.lua). See docs/ocaml5.md.
--
-- The DLS state is an OCaml array (Domain.DLS keeps its slots in it).

--Provides: caml_domain_state
-- Internal: the running domain: unique id, index, DLS array (0 until the
-- stdlib's Domain module sets it), and the next unique id to hand out.
P.caml_domain_state = { id = 0, index = 0, dls = 0, next_id = 1 }

--Provides: caml_ml_domain_id
--Requires: caml_domain_state
function P.caml_ml_domain_id(unit)
  return P.caml_domain_state.id
end

--Provides: caml_ml_domain_index
--Requires: caml_domain_state
function P.caml_ml_domain_index(unit)
  return P.caml_domain_state.index
end

--Provides: caml_ml_domain_unique_token
-- OCaml 5.0-5.1: Domain.self's token.
local token = { 0 }
function P.caml_ml_domain_unique_token(unit)
  return token
end

--Provides: caml_recommended_domain_count
function P.caml_recommended_domain_count(unit)
  return 1
end

--Provides: caml_ml_domain_cpu_relax
-- Spinning on one domain would wait for ever: nothing else can run. Returning
-- lets a bounded loop go on; an unbounded one never ends (as ocamlrun would
-- spin when the domain it waits for never comes).
function P.caml_ml_domain_cpu_relax(unit)
  return 0
end

--Provides: caml_ml_domain_set_name
function P.caml_ml_domain_set_name(name)
  return 0
end

--Provides: caml_domain_dls_get
--Requires: caml_domain_state
function P.caml_domain_dls_get(unit)
  return P.caml_domain_state.dls
end

--Provides: caml_domain_dls_set
--Requires: caml_domain_state
function P.caml_domain_dls_set(a)
  P.caml_domain_state.dls = a
  return 0
end

--Provides: caml_domain_dls_compare_and_set
--Requires: caml_domain_state
function P.caml_domain_dls_compare_and_set(old, new)
  local st = P.caml_domain_state
  if st.dls ~= old then return 0 end
  st.dls = new
  return 1
end

--Provides: caml_domain_spawn
--Requires: caml_domain_state, caml_call1, caml_exn_of_lua, caml_fiber_depth, caml_depth_get, caml_depth_set
-- caml_domain_spawn(body, term_sync) (OCaml >= 5.2): term_sync is the record
-- { mutable state; mut; cond } of domain.ml; state becomes Finished (Ok v) or
-- Finished (Error exn). Returns the new domain's id.
-- OCaml 5.0-5.1 pass a mutex instead of term_sync and body stores the result
-- itself: then there is nothing to store.
-- The body starts outside any effect handler (an effect it does not handle is
-- Effect.Unhandled in the new domain, as in ocamlrun), and the frame counter
-- of deep recursion is restored however it ends.
function P.caml_domain_spawn(body, term_sync)
  local st = P.caml_domain_state
  local id = st.next_id
  st.next_id = id + 1
  local saved_id, saved_index, saved_dls = st.id, st.index, st.dls
  local saved_fibers, saved_depth = P.caml_fiber_depth, P.caml_depth_get()
  st.id, st.index, st.dls = id, saved_index + 1, 0
  P.caml_fiber_depth = 0
  local ok, r = pcall(P.caml_call1, body, 0)
  P.caml_fiber_depth = saved_fibers
  P.caml_depth_set(saved_depth)
  st.id, st.index, st.dls = saved_id, saved_index, saved_dls
  local res
  if ok then
    res = { 0, r }
  else
    res = { 1, P.caml_exn_of_lua(r) }
  end
  if type(term_sync) == "table" and getmetatable(term_sync) == nil and term_sync[1] == 0 then
    term_sync[2] = { 0, res }
  end
  return id
end
