-- Exception backtraces (Printexc, OCAMLRUNPARAM=b) from the Lua call stack.
--
-- A program compiled from bytecode with debug info carries a table from its
-- Lua lines to OCaml locations (P.caml_debug_info, a string decoded on first
-- use). When backtraces are on, raising walks the Lua stack with
-- debug.getinfo and keeps the frames of the program's chunk whose line maps to
-- an OCaml location. A raw backtrace is an OCaml array of ints: Lua line * 2,
-- plus 1 for the slot where an OCaml `raise` happened.

--Provides: caml_backtrace_flag
-- OCAMLRUNPARAM=b (or b=1) turns backtraces on, as with ocamlrun.
do
  local param = os.getenv("OCAMLRUNPARAM") or os.getenv("CAMLRUNPARAM") or ""
  local on = 0
  for opt in string.gmatch(param, "[^,]+") do
    if opt == "b" or opt == "b=1" then on = 1 elseif opt == "b=0" then on = 0 end
  end
  P.caml_backtrace_flag = on
end

--Provides: caml_debug_info
-- Set by the program: { source = <chunk source name>, data = <encoded table> }.
P.caml_debug_info = false

--Provides: caml_debug_lines
--Requires: caml_debug_info
-- Lua line -> { file, line, start, end, defname }; decoded lazily.
function P.caml_debug_lines()
  local info = P.caml_debug_info
  if not info then return nil end
  if info.lines then return info.lines end
  local locs, lines = {}, {}
  local data = info.data
  local sep = string.find(data, "\n\n", 1, true) or #data
  for file, l, c1, c2, name in string.gmatch(string.sub(data, 1, sep), "([^\t\n]*)\t(%d+)\t(%d+)\t(%d+)\t([^\t\n]*)\n") do
    locs[#locs + 1] = { file, tonumber(l), tonumber(c1), tonumber(c2), name }
  end
  for lua_line, k in string.gmatch(string.sub(data, sep + 2), "(%d+):(%d+)") do
    lines[tonumber(lua_line)] = locs[tonumber(k)]
  end
  info.lines = lines
  return lines
end

--Provides: caml_backtrace_last
-- The exception whose backtrace is recorded, and that backtrace.
P.caml_backtrace_last = { exn = false, bt = { 0 } }

--Provides: caml_stack_slots
--Requires: caml_debug_info, caml_debug_lines
-- The program's mapped frames from `level` up, as raw backtrace entries. With
-- `to_handler`, only the frames up to the innermost `try` (an xpcall): those an
-- exception unwinds, as in ocamlrun's backtraces.
local xpcall = xpcall
function P.caml_stack_slots(level, first_is_raise, max, to_handler)
  local out = { 0 }
  local info = P.caml_debug_info
  local lines = P.caml_debug_lines()
  if not lines or not debug or not debug.getinfo then return out end
  local src = info.source
  local first = true
  while true do
    local f = debug.getinfo(level, "Slf")
    if not f or (to_handler and f.func == xpcall) then break end
    if f.source == src and f.currentline and lines[f.currentline] then
      out[#out + 1] = f.currentline * 2 + ((first and first_is_raise) and 1 or 0)
      first = false
      if max and #out > max then break end
    end
    level = level + 1
  end
  return out
end

--Provides: caml_capture_backtrace
--Requires: caml_backtrace_flag, caml_backtrace_last, caml_stack_slots
-- Record where `exn` is raised: the frames from the raise to the handler, as
-- ocamlrun stashes them. A re-raise (the implicit one of a `try` whose cases do
-- not match) of the exception last recorded appends its own frames, the first
-- shown as "Re-raised at"; any other raise starts a new backtrace.
-- At most 1024 frames are kept, as in ocamlrun (BACKTRACE_BUFFER_SIZE).
function P.caml_capture_backtrace(exn, level, is_raise, reraise)
  local last = P.caml_backtrace_last
  local slots = P.caml_stack_slots(level + 1, is_raise, 1024, true)
  if reraise and last.exn == exn then
    local bt = last.bt
    for i = 2, #slots do
      if #bt > 1024 then break end
      bt[#bt + 1] = slots[i]
    end
    return
  end
  last.exn = exn
  last.bt = slots
end

--Provides: caml_raise_exn
--Requires: caml_backtrace_flag, caml_capture_backtrace
-- Raise an OCaml exception from the runtime ("Raised by primitive operation").
function P.caml_raise_exn(exn)
  if P.caml_backtrace_flag ~= 0 then P.caml_capture_backtrace(exn, 2, false) end
  error(exn, 0)
end

--Provides: caml_raise_ocaml
--Requires: caml_backtrace_flag, caml_capture_backtrace
-- Raise from OCaml code (`raise`): the first frame is the raise point.
function P.caml_raise_ocaml(exn)
  if P.caml_backtrace_flag ~= 0 then P.caml_capture_backtrace(exn, 2, true) end
  error(exn, 0)
end

--Provides: caml_reraise_ocaml
--Requires: caml_backtrace_flag, caml_capture_backtrace
-- The re-raise that ends a `try` whose cases did not match.
function P.caml_reraise_ocaml(exn)
  if P.caml_backtrace_flag ~= 0 then P.caml_capture_backtrace(exn, 2, true, true) end
  error(exn, 0)
end

--Provides: caml_record_backtrace
--Requires: caml_backtrace_flag
function P.caml_record_backtrace(b)
  P.caml_backtrace_flag = b
  return 0
end

--Provides: caml_backtrace_status
--Requires: caml_backtrace_flag
function P.caml_backtrace_status(unit)
  return P.caml_backtrace_flag
end

--Provides: caml_get_exception_raw_backtrace
--Requires: caml_backtrace_last, caml_backtrace_flag
function P.caml_get_exception_raw_backtrace(unit)
  if P.caml_backtrace_flag == 0 then return { 0 } end
  local bt = P.caml_backtrace_last.bt
  local copy = {}
  for i = 1, #bt do copy[i] = bt[i] end
  return copy
end

--Provides: caml_restore_raw_backtrace
--Requires: caml_backtrace_last
function P.caml_restore_raw_backtrace(exn, bt)
  P.caml_backtrace_last.exn = exn
  P.caml_backtrace_last.bt = bt
  return 0
end

--Provides: caml_get_current_callstack
--Requires: caml_stack_slots
function P.caml_get_current_callstack(n)
  return P.caml_stack_slots(2, false, n)
end

--Provides: caml_convert_raw_backtrace_slot
--Requires: caml_debug_lines
-- Known_location { is_raise; filename; line_number; start_char; end_char; is_inline; defname }
-- or Unknown_location { is_raise }.
function P.caml_convert_raw_backtrace_slot(slot)
  local is_raise = slot % 2
  local line = (slot - is_raise) / 2
  local lines = P.caml_debug_lines()
  local loc = lines and lines[line]
  if not loc then return { 1, is_raise } end
  return { 0, is_raise, loc[1], loc[2], loc[3], loc[4], 0, loc[5] }
end

--Provides: caml_convert_raw_backtrace
--Requires: caml_convert_raw_backtrace_slot
function P.caml_convert_raw_backtrace(bt)
  local out = { 0 }
  for i = 2, #bt do out[i] = P.caml_convert_raw_backtrace_slot(bt[i]) end
  return out
end

--Provides: caml_raw_backtrace_length
function P.caml_raw_backtrace_length(bt)
  return #bt - 1
end

--Provides: caml_raw_backtrace_slot
--Requires: caml_invalid_argument
function P.caml_raw_backtrace_slot(bt, i)
  if i < 0 or i >= #bt - 1 then
    P.caml_invalid_argument("Printexc.get_raw_backtrace_slot: index out of bounds")
  end
  return bt[i + 2]
end

--Provides: caml_raw_backtrace_next_slot
-- No inlined frames: None.
function P.caml_raw_backtrace_next_slot(slot)
  return 0
end

--Provides: caml_get_exception_backtrace
--Requires: caml_get_exception_raw_backtrace, caml_convert_raw_backtrace
-- Some slots, or None when there is no backtrace.
function P.caml_get_exception_backtrace(unit)
  local bt = P.caml_get_exception_raw_backtrace(0)
  if #bt == 1 then return 0 end
  return { 0, P.caml_convert_raw_backtrace(bt) }
end

--Provides: caml_backtrace_text
--Requires: caml_get_exception_raw_backtrace, caml_convert_raw_backtrace_slot
-- The report ocamlrun prints after an uncaught exception (runtime/printexc.c).
function P.caml_backtrace_text()
  local bt = P.caml_get_exception_raw_backtrace(0)
  local parts = {}
  for i = 2, #bt do
    local s = P.caml_convert_raw_backtrace_slot(bt[i])
    local first = (i == 2)
    local info
    if s[2] == 1 then info = first and "Raised at" or "Re-raised at"
    else info = first and "Raised by primitive operation at" or "Called from" end
    if s[1] == 0 then
      parts[#parts + 1] = string.format('%s %s in file "%s", line %d, characters %d-%d\n',
        info, s[8], s[3], s[4], s[5], s[6])
    elseif s[2] == 0 then
      parts[#parts + 1] = info .. " unknown location\n"
    end
  end
  return table.concat(parts)
end

--Provides: caml_lua_error_handler
--Requires: caml_exn_of_lua, caml_backtrace_flag, caml_capture_backtrace, caml_debug_info, caml_debug_lines
-- Message handler of every `try` (xpcall): turns a Lua error into the OCaml
-- exception while the stack is still there, so that a runtime error in Lua
-- code (the program's or an FFI file's) names the OCaml location it came from.
function P.caml_lua_error_handler(e)
  if type(e) == "table" then return e end
  local msg = tostring(e)
  if string.find(msg, "stack overflow", 1, true) then
    local exn = P.caml_exn_of_lua(msg)
    if P.caml_backtrace_flag ~= 0 then P.caml_capture_backtrace(exn, 2, false) end
    return exn
  end
  local info = P.caml_debug_info
  local lines = info and P.caml_debug_lines()
  if lines and debug and debug.getinfo then
    local where
    local src_name, line, rest = string.match(msg, "^(.-):(%d+): (.*)$")
    if src_name and info.short_src == src_name then
      where = lines[tonumber(line)]
      if where then msg = rest end
    end
    if not where then
      local level = 2
      while true do
        local f = debug.getinfo(level, "Sl")
        if not f then break end
        if f.source == info.source and f.currentline and lines[f.currentline] then
          where = lines[f.currentline]
          break
        end
        level = level + 1
      end
    end
    if where then
      msg = string.format('%s (Lua error at File "%s", line %d, characters %d-%d)', msg,
        where[1], where[2], where[3], where[4])
    end
  end
  local exn = P.caml_exn_of_lua(msg)
  if P.caml_backtrace_flag ~= 0 then P.caml_capture_backtrace(exn, 2, false) end
  return exn
end
