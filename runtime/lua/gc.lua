-- The Gc module (runtime/gc_ctrl.c, finalise.c, memprof.c) on Lua's
-- collector. Lua has one incremental collector and no minor heap: a "major
-- cycle" is a complete Lua collection cycle, counted by a sentinel object
-- that is re-created each time its __gc metamethod runs. Sizes are in words
-- of 8 bytes (Sys.word_size = 64), measured with collectgarbage("count").
-- See docs/runtime.md ("The Gc module") for what each statistic means here.
--
-- Finalisers (Gc.finalise, Gc.finalise_last) are attached to a proxy whose
-- __gc metamethod only queues the dead value; the queued OCaml functions run
-- later, at the Gc primitives (full_major, major, minor, compact,
-- major_slice, finalise_release) and when Gc.finalise is called while many
-- are waiting: never from inside the Lua collector.

--Provides: caml_gc_control
-- Gc.control as ocamlrun 4.13 starts: minor_heap_size, major_heap_increment,
-- space_overhead, verbose, max_overhead, stack_limit, allocation_policy,
-- window_size, custom_major_ratio, custom_minor_ratio, custom_minor_max_size.
P.caml_gc_control = { 0, 262144, 15, 120, 0, 500, 1048576, 2, 1, 44, 100, 8192 }

--Provides: caml_gc_on_cycle
--If: lua54
-- Internal: f() at the end of every Lua collection cycle, from a __gc
-- metamethod (f must not run OCaml code nor raise).
function P.caml_gc_on_cycle(f)
  local mt = {}
  mt.__gc = function()
    f()
    setmetatable({}, mt)
  end
  setmetatable({}, mt)
end

--Provides: caml_gc_on_cycle
--If: luajit, lua51
-- Internal: as above, with a userdata proxy (tables have no __gc here).
function P.caml_gc_on_cycle(f)
  local function arm()
    local u = newproxy(true)
    getmetatable(u).__gc = function()
      f()
      arm()
    end
  end
  arm()
end

--Provides: caml_gc_counts, caml_gc_sample
--Requires: caml_gc_on_cycle
-- minor: calls of Gc.minor; cycles: completed Lua collection cycles;
-- forced: Gc.full_major and Gc.compact calls; compactions: Gc.compact calls;
-- alloc: words the heap grew by, summed over the samples (a lower bound of
-- the words allocated); last: the heap at the last sample; top: the largest
-- heap seen. The heap is sampled by the Gc primitives that collect, and by
-- the statistics once a cycle ended since the last sample: allocation counts
-- do not move between two queries that no cycle separates (as ocamlrun's
-- do not when nothing is allocated), whatever the Lua code in between did.
local c = { minor = 0, cycles = 0, forced = 0, compactions = 0, alloc = 0, last = 0, top = 0 }
P.caml_gc_counts = c
local count = collectgarbage
local seen = 0
-- The Lua heap in words (float); `force`: account its growth now.
function P.caml_gc_sample(force)
  local w = count("count") * 128
  if w > c.top then c.top = w end
  if force or c.cycles ~= seen then
    seen = c.cycles
    if w > c.last then c.alloc = c.alloc + (w - c.last) end
    c.last = w
  end
  return w
end
c.last = count("count") * 128
c.top = c.last
-- (Lua 5.4 has no collectgarbage inside __gc: only count the cycle there.)
P.caml_gc_on_cycle(function() c.cycles = c.cycles + 1 end)

--Provides: caml_gc_words
-- Internal: a word count as an OCaml int (32-bit).
function P.caml_gc_words(w)
  w = math.floor(w)
  if w > 2147483647 then return 2147483647 end
  return w
end

--Provides: caml_gc_stat, caml_gc_quick_stat
--Requires: caml_gc_counts, caml_gc_sample, caml_gc_words
-- The 17 fields of Gc.stat: minor_words, promoted_words, major_words,
-- minor_collections, major_collections, heap_words, heap_chunks, live_words,
-- live_blocks, free_words, free_blocks, largest_free, fragments, compactions,
-- top_heap_words, stack_size, forced_major_collections.
local function stat(quick)
  local c = P.caml_gc_counts
  local heap = P.caml_gc_words(P.caml_gc_sample())
  local live = quick and 0 or heap
  return { 0, c.alloc + 0.0, 0.0, 0.0, c.minor + c.cycles, c.cycles, heap, 1, live, 0,
    0, 0, 0, 0, c.compactions, P.caml_gc_words(c.top), 0, c.forced }
end
function P.caml_gc_stat(unit) return stat(false) end
function P.caml_gc_quick_stat(unit) return stat(true) end

--Provides: caml_gc_counters
--Requires: caml_gc_counts, caml_gc_sample
-- (minor_words, promoted_words, major_words)
function P.caml_gc_counters(unit)
  P.caml_gc_sample()
  return { 0, P.caml_gc_counts.alloc + 0.0, 0.0, 0.0 }
end

--Provides: caml_gc_minor_words
--Requires: caml_gc_counts, caml_gc_sample
function P.caml_gc_minor_words(unit)
  P.caml_gc_sample()
  return P.caml_gc_counts.alloc + 0.0
end

--Provides: caml_gc_get
--Requires: caml_gc_control
function P.caml_gc_get(unit)
  local c, r = P.caml_gc_control, {}
  for i = 1, #c do r[i] = c[i] end
  return r
end

--Provides: caml_gc_set
--Requires: caml_gc_control
-- The parameters are remembered (Gc.get returns them) but do not tune Lua's
-- collector.
function P.caml_gc_set(v)
  local c = P.caml_gc_control
  for i = 2, 8 do c[i] = v[i] end
  return 0
end

--Provides: caml_gc_collect
--Requires: caml_gc_counts, caml_gc_sample
-- Internal: one complete Lua collection cycle (the sentinel counts it).
function P.caml_gc_collect()
  P.caml_gc_sample(true)
  collectgarbage("collect")
  local c = P.caml_gc_counts
  c.last = collectgarbage("count") * 128
  P.caml_gc_sample(true)
end

--Provides: caml_gc_minor
--Requires: caml_gc_counts, caml_final_run
-- No minor heap: a small step of the incremental collector, then the
-- finalisers of the values found dead.
function P.caml_gc_minor(unit)
  local c = P.caml_gc_counts
  c.minor = c.minor + 1
  P.caml_gc_sample(true)
  collectgarbage("step", 0)
  return P.caml_final_run()
end

--Provides: caml_gc_major
--Requires: caml_gc_collect, caml_final_run
function P.caml_gc_major(unit)
  P.caml_gc_collect()
  return P.caml_final_run()
end

--Provides: caml_gc_full_major
--Requires: caml_gc_collect, caml_gc_counts, caml_final_run
-- Two cycles, finalisers after each, as ocamlrun does: values that the first
-- finalisers drop are collected by the second cycle.
function P.caml_gc_full_major(unit)
  P.caml_gc_collect()
  P.caml_final_run()
  P.caml_gc_collect()
  local c = P.caml_gc_counts
  c.forced = c.forced + 1
  return P.caml_final_run()
end

--Provides: caml_gc_compaction
--Requires: caml_gc_full_major, caml_gc_counts
-- A full major collection; Lua does not move objects, so the compaction
-- itself is only counted.
function P.caml_gc_compaction(unit)
  local c = P.caml_gc_counts
  c.compactions = c.compactions + 1
  return P.caml_gc_full_major(unit)
end

--Provides: caml_gc_major_slice
--Requires: caml_gc_sample, caml_final_run
function P.caml_gc_major_slice(n)
  P.caml_gc_sample(true)
  collectgarbage("step", 0)
  P.caml_final_run()
  return 0
end

--Provides: caml_gc_huge_fallback_count
function P.caml_gc_huge_fallback_count(unit) return 0 end

--Provides: caml_get_minor_free
function P.caml_get_minor_free(unit) return 0 end

--Provides: caml_get_major_bucket
function P.caml_get_major_bucket(n) return 0 end

--Provides: caml_get_major_credit
function P.caml_get_major_credit(unit) return 0 end

--Provides: caml_final_attach, caml_final_find
--If: lua54
-- Internal: make the collector call P.caml_final_dead(rec) once v is
-- unreachable; the record of v's finalisers (nil if none). Lua 5.4 has
-- ephemerons: links[v] holds a proxy table with __gc whose record refers to
-- v without keeping it alive; when the proxy is finalised, v is resurrected
-- with it (the record holds it) for the finalisers that take it.
local links = setmetatable({}, { __mode = "k" })
local mt = { __gc = function(proxy) P.caml_final_dead(proxy.rec) end }
function P.caml_final_attach(v, rec)
  if type(v) == "string" then return false end
  links[v] = setmetatable({ rec = rec }, mt)
  return true
end
function P.caml_final_find(v)
  local proxy = links[v]
  return proxy and proxy.rec
end

--Provides: caml_final_attach, caml_final_find
--If: luajit, lua51
-- Without ephemerons, a weak-keyed table whose value refers to its key keeps
-- the key alive. A block (a table) therefore holds its proxy, a userdata
-- with __gc, in the field `caml_final`, and the proxy's metatable holds the
-- record and the block: the cycle is collected as a whole, and finalising the
-- proxy resurrects the block for the finalisers. A closure cannot hold a
-- field: it is linked through a weak-keyed table to a proxy whose record does
-- not refer to it, so only its Gc.finalise_last functions can run (one cycle
-- later than for a block).
local links = setmetatable({}, { __mode = "k" })
local function handler(u) P.caml_final_dead(getmetatable(u).rec) end
local function proxy(rec)
  local u = newproxy(true)
  local m = getmetatable(u)
  m.rec = rec
  m.__gc = handler
  return u
end
function P.caml_final_attach(v, rec)
  local tv = type(v)
  if tv == "table" then
    rawset(v, "caml_final", proxy(rec))
    return true
  elseif tv == "function" then
    rec.v = nil
    links[v] = proxy(rec)
    return true
  end
  return false
end
function P.caml_final_find(v)
  local tv, u = type(v), nil
  if tv == "table" then
    u = rawget(v, "caml_final")
  elseif tv == "function" then
    u = links[v]
  end
  return u and getmetatable(u).rec
end

--Provides: caml_final_register, caml_final_register_called_without_value, caml_final_dead, caml_final_run, caml_final_release
--Requires: caml_final_attach, caml_final_find, caml_call1, caml_invalid_argument
-- A value's record: { v = value, first = {{seq, f}...}, last = {{seq, f}...} }.
-- caml_final_dead(rec) runs inside __gc: it only moves the functions to the
-- queue `pending` as { kind (0 finalise, 1 finalise_last), seq, f, arg }.
-- The value is resurrected for its Gc.finalise functions, so its
-- Gc.finalise_last functions wait until it dies again (as in ocamlrun,
-- where they run once the value is unreachable for the last time).
-- caml_final_run runs the queue by batches: what the collector queued since
-- the last run, Gc.finalise functions before Gc.finalise_last ones, each in
-- the reverse order of registration (as finalise.c does). A finaliser that
-- raises does not stop the others queued with it; its exception propagates
-- once they ran (the last one wins), which is what ocamlrun shows when the
-- pending finalisers run again at the first allocation after the raise.
-- Finalisers do not run inside a finaliser unless it calls
-- Gc.finalise_release.
local pending = {}
local todo, ti = {}, 1
local seq = 0
local running = false
-- Gc.finalise runs the queue first when this many values wait, so that a
-- program that never calls the Gc module does not keep dead values forever.
local BACKLOG = 1000

function P.caml_final_dead(rec)
  if rec.dead then return end
  rec.dead = true
  local v, first, last = rec.v, rec.first, rec.last
  local q = pending
  if v ~= nil and #first > 0 then
    for i = 1, #first do q[#q + 1] = { 0, first[i][1], first[i][2], v } end
    if #last > 0 then P.caml_final_attach(v, { v = v, first = {}, last = last }) end
  else
    for i = 1, #last do q[#q + 1] = { 1, last[i][1], last[i][2], 0 } end
  end
end

local function order(a, b)
  if a[1] ~= b[1] then return a[1] < b[1] end
  return a[2] > b[2]
end

function P.caml_final_run()
  if running then return 0 end
  local failed, err = false, nil
  while true do
    if ti > #todo then
      if #pending == 0 then break end
      local fresh = {}
      todo, pending, ti = pending, fresh, 1
      table.sort(todo, order)
    end
    local item = todo[ti]
    todo[ti] = false
    ti = ti + 1
    running = true
    local ok, e = pcall(P.caml_call1, item[3], item[4])
    running = false
    if not ok then
      if type(e) == "table" and e.caml_exit then error(e, 0) end
      failed, err = true, e
    end
  end
  todo, ti = {}, 1
  if failed then error(err, 0) end
  return 0
end

local function register(f, v, kind)
  local tv = type(v)
  if tv == "number" then P.caml_invalid_argument("Gc.finalise") end
  if tv == "table" and getmetatable(v) == nil then
    local tag = v[1]
    -- lazy and forward blocks; atoms (empty blocks) are static data in 4.x
    if tag == 246 or tag == 250 or (#v == 1 and not P.caml_ocaml5) then
      P.caml_invalid_argument("Gc.finalise")
    end
  end
  if #pending >= BACKLOG and not running then P.caml_final_run() end
  seq = seq + 1
  local rec = P.caml_final_find(v)
  if rec == nil or rec.dead then
    rec = { v = v, first = {}, last = {} }
    -- Lua strings are values, never seen dying: their finalisers never run
    if not P.caml_final_attach(v, rec) then return 0 end
  end
  local l = kind == 0 and rec.first or rec.last
  l[#l + 1] = { seq, f }
  return 0
end
function P.caml_final_register(f, v) return register(f, v, 0) end
function P.caml_final_register_called_without_value(f, v) return register(f, v, 1) end

-- Gc.finalise_release: other finalisers may run now, even inside this one.
function P.caml_final_release(unit)
  running = false
  return P.caml_final_run()
end

--Provides: caml_memprof_start
function P.caml_memprof_start(rate, depth, tracker) return 0 end

--Provides: caml_memprof_stop
function P.caml_memprof_stop(unit) return 0 end

--Provides: caml_eventlog_pause
function P.caml_eventlog_pause(unit) return 0 end

--Provides: caml_eventlog_resume
function P.caml_eventlog_resume(unit) return 0 end
