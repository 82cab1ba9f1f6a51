-- OCaml 5 effect handlers on Lua coroutines.
--
-- A fiber (OCaml's "stack") is { hv, hx, hf, co }: the handler's value,
-- exception and effect functions and the coroutine running the handled
-- computation. `perform` yields from the current coroutine to the code that
-- resumed it (caml_resume), which calls the effect function with a
-- continuation {245, fiber, last_fiber}; continuing it resumes the coroutine.
-- Nested handlers are nested coroutines: an effect that a handler does not
-- handle is performed again from the handler's own coroutine (reperform), and
-- continuing resumes the whole chain. Continuations are one-shot, as in OCaml.

--Provides: caml_fiber_depth
-- How many fibers are running (0: the main program, where effects are unhandled).
P.caml_fiber_depth = 0

--Provides: caml_alloc_stack
function P.caml_alloc_stack(hv, hx, hf)
  return { hv = hv, hx = hx, hf = hf, co = false }
end

--Provides: caml_effect_unhandled
--Requires: caml_named_values, caml_failwith
-- The exception Effect.Unhandled eff.
function P.caml_effect_unhandled(eff)
  -- Callback.register_exception registers the constructor (a block of tag 248)
  local id = P.caml_named_values["Effect.Unhandled"]
  if not id then P.caml_failwith("Effect.Unhandled") end
  if id[1] ~= 248 then id = id[2] end
  return { 0, id, eff }
end

--Provides: caml_continuation_already_resumed
--Requires: caml_named_values, caml_failwith, caml_raise_exn
function P.caml_continuation_already_resumed()
  local exn = P.caml_named_values["Effect.Continuation_already_resumed"]
  if not exn then P.caml_failwith("Continuation_already_resumed") end
  P.caml_raise_exn(exn)
end

--Provides: caml_fiber_result
--Requires: caml_call1, caml_call3, caml_exn_of_lua
-- What a fiber's coroutine did when it stopped: finished, raised or performed.
function P.caml_fiber_result(fiber, ok, tag, a)
  if not ok then
    fiber.co = false
    return P.caml_call1(fiber.hx, P.caml_exn_of_lua(tag))
  end
  if tag == "caml_done" then
    fiber.co = false
    return P.caml_call1(fiber.hv, a)
  end
  -- tag == "caml_perform": a is the effect
  local cont = { 245, fiber, fiber }
  return P.caml_call3(fiber.hf, a, cont, fiber)
end

--Provides: caml_resume
--Requires: caml_fiber_depth, caml_fiber_result, caml_continuation_already_resumed, caml_call1, caml_depth_get, caml_depth_set
-- Run `f v` on the fiber (a fresh one, or one suspended by perform) and return
-- what its handler makes of the outcome.
function P.caml_resume(fiber, f, v, last)
  if fiber == 0 or fiber == nil then P.caml_continuation_already_resumed() end
  local co = fiber.co
  if not co then
    co = coroutine.create(function(g, x) return "caml_done", P.caml_call1(g, x) end)
    fiber.co = co
  end
  local depth = P.caml_depth_get()
  P.caml_depth_set(0)
  P.caml_fiber_depth = P.caml_fiber_depth + 1
  local ok, tag, a = coroutine.resume(co, f, v)
  P.caml_fiber_depth = P.caml_fiber_depth - 1
  P.caml_depth_set(depth)
  return P.caml_fiber_result(fiber, ok, tag, a)
end

--Provides: caml_perform
--Requires: caml_fiber_depth, caml_effect_unhandled, caml_raise_exn, caml_call1
function P.caml_perform(eff)
  if P.caml_fiber_depth == 0 then P.caml_raise_exn(P.caml_effect_unhandled(eff)) end
  local f, v = coroutine.yield("caml_perform", eff)
  return P.caml_call1(f, v)
end

--Provides: caml_continuation_use_noexc
-- The continuation's fiber, once; 0 (a used continuation) afterwards.
function P.caml_continuation_use_noexc(cont)
  local fiber = cont[2]
  cont[2] = 0
  return fiber
end

--Provides: caml_continuation_use
--Requires: caml_continuation_already_resumed
function P.caml_continuation_use(cont)
  local fiber = cont[2]
  if fiber == 0 then P.caml_continuation_already_resumed() end
  cont[2] = 0
  return fiber
end

--Provides: caml_continuation_use_and_update_handler_noexc
function P.caml_continuation_use_and_update_handler_noexc(cont, hv, hx, hf)
  local fiber = cont[2]
  cont[2] = 0
  if fiber ~= 0 then
    fiber.hv, fiber.hx, fiber.hf = hv, hx, hf
  end
  return fiber
end

--Provides: caml_reperform
--Requires: caml_fiber_depth, caml_effect_unhandled, caml_resume, caml_continuation_use, caml_raise_exn
-- An effect the current handler does not handle: perform it to the next one;
-- when that continues, continue the inner continuation the same way.
function P.caml_reperform(eff, cont, last)
  if P.caml_fiber_depth == 0 then
    -- nobody handles it: raise Unhandled where it was performed
    return P.caml_resume(P.caml_continuation_use(cont), P.caml_raise_exn,
      P.caml_effect_unhandled(eff), 0)
  end
  local f, v = coroutine.yield("caml_perform", eff)
  return P.caml_resume(P.caml_continuation_use(cont), f, v, 0)
end

--Provides: caml_get_continuation_callstack
function P.caml_get_continuation_callstack(cont, n)
  return { 0 }
end

--Provides: caml_depth_get
-- Replaced by the program (it owns the frame counter): see lua/emit.py.
function P.caml_depth_get() return 0 end

--Provides: caml_depth_set
function P.caml_depth_set(d) end
