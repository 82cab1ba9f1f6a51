-- Mutex and Condition (OCaml 5.x, runtime/sync.c) on a single domain and no
-- systhreads. Semaphore and Mutex.protect are OCaml code on top of these.
--
-- A mutex is a custom block (identifier "_mutex") { id, owner } where owner is
-- the unique id of the domain that holds it, or nil. As ocamlrun's
-- error-checking mutexes: locking a mutex the running domain holds raises
-- Sys_error "Mutex.lock: Resource deadlock avoided", unlocking a mutex the
-- running domain does not hold raises Sys_error "Mutex.unlock: Operation not
-- permitted". Nothing else can ever release a mutex that another (finished)
-- domain still holds, and nothing can signal a condition while the only
-- running code waits: Mutex.lock of such a mutex and Condition.wait raise
-- Failure instead of blocking for ever.

--Provides: caml_sync_mt
-- Internal: the metatables of mutexes and conditions (ordered by creation).
local function compare(a, b)
  if a.id < b.id then return -1 elseif a.id > b.id then return 1 else return 0 end
end
local function hash(a) return a.id end
P.caml_sync_mt = {
  mutex = { caml_custom = "_mutex", compare = compare, hash = hash },
  condition = { caml_custom = "_condition", compare = compare, hash = hash },
  count = 0,
}

--Provides: caml_ml_mutex_new
--Requires: caml_sync_mt
function P.caml_ml_mutex_new(unit)
  local s = P.caml_sync_mt
  s.count = s.count + 1
  return setmetatable({ id = s.count, owner = nil }, s.mutex)
end

--Provides: caml_ml_mutex_lock
--Requires: caml_domain_state, caml_raise_sys_error, caml_failwith
function P.caml_ml_mutex_lock(m)
  local self = P.caml_domain_state.id
  local owner = m.owner
  if owner == nil then
    m.owner = self
  elseif owner == self then
    P.caml_raise_sys_error("Mutex.lock: Resource deadlock avoided")
  else
    P.caml_failwith("Mutex.lock: the mutex is held by domain " .. owner
      .. ", which cannot run again (lua_of_ocaml runs one domain at a time)")
  end
  return 0
end

--Provides: caml_ml_mutex_try_lock
--Requires: caml_domain_state
function P.caml_ml_mutex_try_lock(m)
  if m.owner ~= nil then return 0 end
  m.owner = P.caml_domain_state.id
  return 1
end

--Provides: caml_ml_mutex_unlock
--Requires: caml_domain_state, caml_raise_sys_error
function P.caml_ml_mutex_unlock(m)
  if m.owner ~= P.caml_domain_state.id then
    P.caml_raise_sys_error("Mutex.unlock: Operation not permitted")
  end
  m.owner = nil
  return 0
end

--Provides: caml_ml_condition_new
--Requires: caml_sync_mt
function P.caml_ml_condition_new(unit)
  local s = P.caml_sync_mt
  s.count = s.count + 1
  return setmetatable({ id = s.count }, s.condition)
end

--Provides: caml_ml_condition_wait
--Unsupported: waiting needs another domain or thread to signal, and only one domain runs
--Requires: caml_failwith
function P.caml_ml_condition_wait(c, m)
  P.caml_failwith("Condition.wait: no other domain or thread could ever signal "
    .. "(lua_of_ocaml runs one domain at a time)")
end

--Provides: caml_ml_condition_signal
function P.caml_ml_condition_signal(c)
  return 0
end

--Provides: caml_ml_condition_broadcast
function P.caml_ml_condition_broadcast(c)
  return 0
end
