-- The primitives of the Str library (otherlibs/str/strstubs.c): a backtracking
-- interpreter for the regexp programs that str.ml compiles.
--
-- A compiled regexp is the record `{0, prog, cpool, normtable, numgroups,
-- numregisters, startchars}`: prog an int array of instructions `opcode lor
-- (arg lsl 8)`, cpool an array of strings (character sets are 32-byte bit
-- vectors), normtable the case-folding table ("" when not folding case),
-- startchars the cpool index of a 256-byte table of possible first characters
-- (or -1). Results are int arrays of 2 * numgroups positions (-1 for a group
-- that did not match), or the empty array on failure.

--Provides: caml_str_decode
--Requires: caml_lua_string
-- The program of a regexp record decoded once: per instruction (1-based pc)
-- its opcode, its argument and, for instructions that use the constant pool,
-- the decoded constant (a set `t[c] = true` or an array of bytes).
local byte, floor = string.byte, math.floor
local cache = setmetatable({}, { __mode = "k" })

local function byte_array(v)
  local s = P.caml_lua_string(v)
  local t = {}
  for i = 1, #s do t[i] = byte(s, i) end
  return t
end

local function char_set(v)
  local s = P.caml_lua_string(v)
  local t = {}
  for c = 0, 255 do
    local b = byte(s, floor(c / 8) + 1) or 0
    t[c] = floor(b / 2 ^ (c % 8)) % 2 == 1
  end
  return t
end

function P.caml_str_decode(re)
  local d = cache[re]
  if d then return d end
  local prog, cpool = re[2], re[3]
  local ops, args, data = {}, {}, {}
  local strings, sets = {}, {}
  for pc = 1, #prog - 1 do
    local instr = prog[pc + 1]
    local op = instr % 256
    local arg = floor((instr - op) / 256)
    ops[pc], args[pc] = op, arg
    if op == 2 or op == 3 then -- STRING, STRINGNORM
      strings[arg] = strings[arg] or byte_array(cpool[arg + 2])
      data[pc] = strings[arg]
    elseif op == 4 or op == 12 or op == 13 or op == 14 then -- CHARCLASS, SIMPLE*
      sets[arg] = sets[arg] or char_set(cpool[arg + 2])
      data[pc] = sets[arg]
    end
  end
  local norm = nil
  local ns = P.caml_lua_string(re[4])
  if #ns > 0 then
    norm = {}
    for c = 0, 255 do norm[c] = byte(ns, c + 1) end
  end
  local startchars = nil
  if re[7] ~= -1 then
    local sc = P.caml_lua_string(cpool[re[7] + 2])
    startchars = {}
    for c = 0, 255 do startchars[c] = byte(sc, c + 1) ~= 0 end
  end
  d = { ops = ops, args = args, data = data, norm = norm, startchars = startchars,
        numgroups = re[5], numregisters = re[6] }
  cache[re] = d
  return d
end

--Provides: caml_str_match
--Requires: caml_str_decode
local byte = string.byte

-- Word constituents: letters, digits, underscore, and Latin-1 letters
-- (0xC0-0xFF except 0xD7 and 0xF7).
local word = {}
for c = 0, 255 do
  word[c] = (c >= 48 and c <= 57) or (c >= 65 and c <= 90) or c == 95
    or (c >= 97 and c <= 122) or (c >= 192 and c ~= 215 and c ~= 247)
end

local CONTINUE, BACKTRACK, PREFIX = 0, 1, 2

-- Match the decoded regexp `d` (P.caml_str_decode) against text `s` (a Lua
-- string or a bytes object) at position `start`. Returns the groups array,
-- or nil. The matcher calls no OCaml code, so its scratch tables are reused.
local mem, stack = {}, {}
function P.caml_str_match(d, s, start, partial)
  local ops, args, data, norm = d.ops, d.args, d.data, d.norm
  local numgroups = d.numgroups
  local isstr = type(s) == "string"
  local len = #s
  -- mem: group g starts at [2g], ends at [2g + 1]; register r at [regbase + r]
  local regbase = 2 * numgroups
  mem[0], mem[1] = start, -1
  for i = 2, regbase + d.numregisters - 1 do mem[i] = -1 end
  -- backtrack stack: pairs (pc > 0, txt) or (-slot - 1, old value)
  local sp = 0
  local pc, txt = 1, start
  while true do
    local op, a = ops[pc], args[pc]
    pc = pc + 1
    local res = CONTINUE
    if op == 0 then -- CHAR
      if txt == len then res = PREFIX
      elseif (isstr and byte(s, txt + 1) or s[txt + 1]) ~= a then res = BACKTRACK
      else txt = txt + 1 end
    elseif op == 1 then -- CHARNORM
      if txt == len then res = PREFIX
      elseif norm[isstr and byte(s, txt + 1) or s[txt + 1]] ~= a then res = BACKTRACK
      else txt = txt + 1 end
    elseif op == 2 or op == 3 then -- STRING, STRINGNORM
      local str = data[pc - 1]
      local nrm = op == 3 and norm
      for k = 1, #str do
        if txt == len then res = PREFIX break end
        local c = isstr and byte(s, txt + 1) or s[txt + 1]
        if nrm then c = nrm[c] end
        if str[k] ~= c then res = BACKTRACK break end
        txt = txt + 1
      end
    elseif op == 4 then -- CHARCLASS
      if txt == len then res = PREFIX
      elseif not data[pc - 1][isstr and byte(s, txt + 1) or s[txt + 1]] then res = BACKTRACK
      else txt = txt + 1 end
    elseif op == 5 then -- BOL
      if txt > 0 and (isstr and byte(s, txt) or s[txt]) ~= 10 then res = BACKTRACK end
    elseif op == 6 then -- EOL
      if txt < len and (isstr and byte(s, txt + 1) or s[txt + 1]) ~= 10 then res = BACKTRACK end
    elseif op == 7 then -- WORDBOUNDARY
      if txt == 0 then
        if txt == len then res = PREFIX
        elseif not word[isstr and byte(s, txt + 1) or s[txt + 1]] then res = BACKTRACK end
      elseif txt == len then
        if not word[isstr and byte(s, txt) or s[txt]] then res = BACKTRACK end
      elseif word[isstr and byte(s, txt) or s[txt]]
          == word[isstr and byte(s, txt + 1) or s[txt + 1]] then
        res = BACKTRACK
      end
    elseif op == 8 or op == 9 or op == 17 then -- BEGGROUP, ENDGROUP, SETMARK
      local slot
      if op == 8 then slot = 2 * a elseif op == 9 then slot = 2 * a + 1 else slot = regbase + a end
      stack[sp + 1], stack[sp + 2] = -slot - 1, mem[slot]
      sp = sp + 2
      mem[slot] = txt
    elseif op == 10 then -- REFGROUP
      local b, e = mem[2 * a], mem[2 * a + 1]
      if b == -1 or e == -1 then res = BACKTRACK
      else
        for i = b, e - 1 do
          if txt == len then res = PREFIX break end
          if (isstr and byte(s, i + 1) or s[i + 1]) ~= (isstr and byte(s, txt + 1) or s[txt + 1]) then
            res = BACKTRACK break
          end
          txt = txt + 1
        end
      end
    elseif op == 11 then -- ACCEPT
      break
    elseif op == 12 then -- SIMPLEOPT
      if txt < len and data[pc - 1][isstr and byte(s, txt + 1) or s[txt + 1]] then txt = txt + 1 end
    elseif op == 13 then -- SIMPLESTAR
      local set = data[pc - 1]
      while txt < len and set[isstr and byte(s, txt + 1) or s[txt + 1]] do txt = txt + 1 end
    elseif op == 14 then -- SIMPLEPLUS
      local set = data[pc - 1]
      if txt == len then res = PREFIX
      elseif not set[isstr and byte(s, txt + 1) or s[txt + 1]] then res = BACKTRACK
      else
        txt = txt + 1
        while txt < len and set[isstr and byte(s, txt + 1) or s[txt + 1]] do txt = txt + 1 end
      end
    elseif op == 15 then -- GOTO
      pc = pc + a
    elseif op == 16 then -- PUSHBACK
      stack[sp + 1], stack[sp + 2] = pc + a, txt
      sp = sp + 2
    elseif op == 18 then -- CHECKPROGRESS
      if mem[regbase + a] == txt then res = BACKTRACK end
    else
      error("impossible case in re_match")
    end
    if res ~= CONTINUE then
      if res == PREFIX and partial then break end
      -- backtrack to the last saved point, undoing assignments on the way
      while true do
        if sp == 0 then return nil end
        local x, y = stack[sp - 1], stack[sp]
        sp = sp - 2
        if x > 0 then
          pc, txt = x, y
          break
        end
        mem[-x - 1] = y
      end
    end
  end
  -- accepted
  mem[1] = txt
  local r = { 0 }
  for g = 0, numgroups - 1 do
    local b, e = mem[2 * g], mem[2 * g + 1]
    if b == -1 or e == -1 then b, e = -1, -1 end
    r[2 * g + 2], r[2 * g + 3] = b, e
  end
  return r
end

--Provides: re_string_match
--Requires: caml_str_match, caml_str_decode, caml_invalid_argument
function P.re_string_match(re, s, pos)
  if pos < 0 or pos > #s then P.caml_invalid_argument("Str.string_match") end
  return P.caml_str_match(P.caml_str_decode(re), s, pos, false) or { 0 }
end

--Provides: re_partial_match
--Requires: caml_str_match, caml_str_decode, caml_invalid_argument
function P.re_partial_match(re, s, pos)
  if pos < 0 or pos > #s then P.caml_invalid_argument("Str.string_partial_match") end
  return P.caml_str_match(P.caml_str_decode(re), s, pos, true) or { 0 }
end

--Provides: re_search_forward
--Requires: caml_str_match, caml_str_decode, caml_invalid_argument
local byte = string.byte
function P.re_search_forward(re, s, pos)
  local len = #s
  if pos < 0 or pos > len then P.caml_invalid_argument("Str.search_forward") end
  local d = P.caml_str_decode(re)
  local sc = d.startchars
  local isstr = type(s) == "string"
  local match = P.caml_str_match
  local txt = pos
  repeat
    if sc then
      while txt < len and not sc[isstr and byte(s, txt + 1) or s[txt + 1]] do txt = txt + 1 end
    end
    local r = match(d, s, txt, false)
    if r then return r end
    txt = txt + 1
  until txt > len
  return { 0 }
end

--Provides: re_search_backward
--Requires: caml_str_match, caml_str_decode, caml_invalid_argument
local byte = string.byte
function P.re_search_backward(re, s, pos)
  local len = #s
  if pos < 0 or pos > len then P.caml_invalid_argument("Str.search_backward") end
  local d = P.caml_str_decode(re)
  local sc = d.startchars
  local isstr = type(s) == "string"
  local match = P.caml_str_match
  local txt = pos
  repeat
    if sc then
      -- the byte after the end of an OCaml string reads as 0
      while txt > 0 and not sc[txt < len and (isstr and byte(s, txt + 1) or s[txt + 1]) or 0] do
        txt = txt - 1
      end
    end
    local r = match(d, s, txt, false)
    if r then return r end
    txt = txt - 1
  until txt < 0
  return { 0 }
end

--Provides: re_replacement_text
--Requires: caml_lua_string, caml_failwith
local byte, sub, find, concat, char = string.byte, string.sub, string.find, table.concat, string.char
local unpack = table.unpack or unpack

-- The bytes b .. e - 1 of `s` (a Lua string or a bytes object) as a Lua string.
local function substring(s, b, e)
  if type(s) == "string" then return sub(s, b + 1, e) end
  local parts, k = {}, 0
  for i = b + 1, e, 4096 do
    local j = i + 4095
    if j > e then j = e end
    k = k + 1
    parts[k] = char(unpack(s, i, j))
  end
  return concat(parts)
end

-- The replacement text `repl` with \0..\9 replaced by the groups of the last
-- match in `orig` and \\ by a backslash; other \c stay as they are.
function P.re_replacement_text(repl, groups, orig)
  repl = P.caml_lua_string(repl)
  local n = #repl
  local parts, k = {}, 0
  local i = 1
  while i <= n do
    local j = find(repl, "\\", i, true)
    if not j then
      k = k + 1; parts[k] = sub(repl, i)
      break
    end
    if j > i then k = k + 1; parts[k] = sub(repl, i, j - 1) end
    if j == n then P.caml_failwith("Str.replace: illegal backslash sequence") end
    local c = byte(repl, j + 1)
    if c == 92 then
      k = k + 1; parts[k] = "\\"
    elseif c >= 48 and c <= 57 then
      local g = c - 48
      if g * 2 >= #groups - 1 then P.caml_failwith("Str.replace: reference to unmatched group") end
      local b, e = groups[g * 2 + 2], groups[g * 2 + 3]
      if b == -1 then P.caml_failwith("Str.replace: reference to unmatched group") end
      k = k + 1; parts[k] = substring(orig, b, e)
    else
      k = k + 1; parts[k] = sub(repl, j, j + 1)
    end
    i = j + 2
  end
  return concat(parts)
end
