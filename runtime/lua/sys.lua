-- The system interface (runtime/sys.c and friends): files, environment,
-- argv, configuration constants, shell commands, signals, and the
-- bytecode-only meta primitives (the Gc module is in gc.lua). Paths go
-- through P.caml_sys_resolve so that Sys.chdir (which pure Lua cannot do for
-- the process) works for the program.
-- Error messages are worded as ocamlrun words them ("<path>: <strerror>").

--Provides: caml_sys_cwd
-- The directory set by Sys.chdir (nil: the process's own directory).
P.caml_sys_cwd = nil

--Provides: caml_sys_resolve
--Requires: caml_sys_cwd
function P.caml_sys_resolve(path)
  local cwd = P.caml_sys_cwd
  if cwd and string.sub(path, 1, 1) ~= "/" then
    if cwd == "/" then return "/" .. path end
    return cwd .. "/" .. path
  end
  return path
end

--Provides: caml_sys_shell_quote
function P.caml_sys_shell_quote(s)
  return "'" .. string.gsub(s, "'", "'\\''") .. "'"
end

--Provides: caml_sys_path_error
--Requires: caml_raise_sys_error
-- Raise Sys_error "<path>: <strerror>" from a Lua error message that starts
-- with the (resolved) path given to the Lua function.
function P.caml_sys_path_error(path, resolved, msg)
  msg = msg or "Input/output error"
  local pre = resolved .. ": "
  if string.sub(msg, 1, #pre) == pre then msg = string.sub(msg, #pre + 1) end
  P.caml_raise_sys_error(path .. ": " .. msg)
end

--Provides: caml_sys_stat_kind
--Requires: caml_sys_resolve
-- Internal: "dir", "file", or nil plus the Lua error (message, errno) for a
-- path that cannot be opened. Directories are told apart by read failing
-- with EISDIR.
function P.caml_sys_stat_kind(path)
  if string.find(path, "\0", 1, true) then
    return nil, path .. ": No such file or directory", 2
  end
  local f, err, code = io.open(path, "rb")
  if not f then return nil, err, code end
  local ok, r, rerr, rcode = pcall(f.read, f, 1)
  f:close()
  if ok and r == nil and rcode == 21 then return "dir" end
  return "file"
end

--Provides: caml_sys_open
--Requires: caml_lua_string, caml_sys_fds, caml_sys_resolve, caml_sys_path_error, caml_sys_stat_kind, caml_raise_sys_error
-- open_flag: Open_rdonly=0, Open_wronly, Open_append, Open_creat, Open_trunc,
-- Open_excl, Open_binary, Open_text, Open_nonblock. Returns a new fd.
function P.caml_sys_open(path, flags, perm)
  path = P.caml_lua_string(path)
  local rp = P.caml_sys_resolve(path)
  local fl = {}
  while flags ~= 0 do
    fl[flags[2]] = true
    flags = flags[3]
  end
  local kind, err, code = P.caml_sys_stat_kind(rp)
  -- EACCES: the file may well exist; let the real open report it.
  local exists = kind ~= nil or code == 13
  if string.find(path, "\0", 1, true) then
    P.caml_raise_sys_error(path .. ": No such file or directory")
  end
  if fl[3] and fl[5] and exists then
    P.caml_raise_sys_error(path .. ": File exists")
  end
  if not exists and not fl[3] then P.caml_sys_path_error(path, rp, err) end
  local mode
  if fl[1] or fl[2] then -- Open_append implies O_WRONLY (as in OCaml's sys.c)
    if fl[4] then mode = "wb"
    elseif fl[2] then mode = "ab"
    elseif exists then mode = "r+b"
    else mode = "wb" end
  else
    if not exists then
      local c, cerr = io.open(rp, "wb")
      if not c then P.caml_sys_path_error(path, rp, cerr) end
      c:close()
    elseif fl[4] and kind == "file" then
      local c = io.open(rp, "wb")
      if c then c:close() end
    end
    mode = "rb"
  end
  local fh, oerr = io.open(rp, mode)
  if not fh then P.caml_sys_path_error(path, rp, oerr) end
  -- O_APPEND starts at offset 0 (writes still go to the end), unlike fopen "a"
  if mode == "ab" then fh:seek("set", 0) end
  local fds = P.caml_sys_fds
  local fd = 0
  while fds[fd] do fd = fd + 1 end
  fds[fd] = { file = fh, name = path }
  return fd
end

--Provides: caml_sys_close
--Requires: caml_sys_fds, caml_raise_sys_error
function P.caml_sys_close(fd)
  local fds = P.caml_sys_fds
  local e = fds[fd]
  if not e then P.caml_raise_sys_error("Bad file descriptor") end
  fds[fd] = nil
  if not e.std then pcall(e.file.close, e.file) end
  return 0
end

--Provides: caml_sys_file_exists
--Requires: caml_lua_string, caml_sys_resolve, caml_sys_stat_kind
function P.caml_sys_file_exists(path)
  local kind, err, code = P.caml_sys_stat_kind(P.caml_sys_resolve(P.caml_lua_string(path)))
  if kind or code == 13 then return 1 end
  return 0
end

--Provides: caml_sys_path_kind
--Requires: caml_lua_string, caml_sys_resolve, caml_sys_stat_kind, caml_sys_path_error
-- "file" or "dir" for an existing path; Sys_error naming the path otherwise.
function P.caml_sys_path_kind(path)
  path = P.caml_lua_string(path)
  local rp = P.caml_sys_resolve(path)
  local kind, err = P.caml_sys_stat_kind(rp)
  if not kind then P.caml_sys_path_error(path, rp, err) end
  return kind
end

--Provides: caml_sys_is_directory
--Requires: caml_sys_path_kind
function P.caml_sys_is_directory(path)
  return P.caml_sys_path_kind(path) == "dir" and 1 or 0
end

--Provides: caml_sys_remove
--Requires: caml_lua_string, caml_sys_resolve, caml_sys_stat_kind, caml_sys_path_error, caml_raise_sys_error
function P.caml_sys_remove(path)
  path = P.caml_lua_string(path)
  local rp = P.caml_sys_resolve(path)
  local kind, err = P.caml_sys_stat_kind(rp)
  if kind == "dir" then P.caml_raise_sys_error(path .. ": Is a directory") end
  if string.find(path, "\0", 1, true) then P.caml_sys_path_error(path, rp, err) end
  local ok, rerr = os.remove(rp)
  if not ok then P.caml_sys_path_error(path, rp, rerr) end
  return 0
end

--Provides: caml_sys_rename
--Requires: caml_lua_string, caml_sys_resolve, caml_raise_sys_error
function P.caml_sys_rename(a, b)
  a, b = P.caml_lua_string(a), P.caml_lua_string(b)
  local ra, rb = P.caml_sys_resolve(a), P.caml_sys_resolve(b)
  if string.find(a .. b, "\0", 1, true) then
    P.caml_raise_sys_error("No such file or directory")
  end
  local ok, err = os.rename(ra, rb)
  if not ok then
    -- ocamlrun reports rename errors without the path.
    err = err or "Input/output error"
    local pre = ra .. ": "
    if string.sub(err, 1, #pre) == pre then err = string.sub(err, #pre + 1) end
    P.caml_raise_sys_error(err)
  end
  return 0
end

--Provides: caml_sys_getenv
--Requires: caml_lua_string, caml_raise_not_found
function P.caml_sys_getenv(name)
  local v = os.getenv(P.caml_lua_string(name))
  if v == nil then P.caml_raise_not_found() end
  return v
end

--Provides: caml_sys_unsafe_getenv
--Requires: caml_sys_getenv
function P.caml_sys_unsafe_getenv(name)
  return P.caml_sys_getenv(name)
end

--Provides: caml_sys_time
function P.caml_sys_time(unit)
  return os.clock() + 0.0
end

--Provides: caml_sys_time_include_children
function P.caml_sys_time_include_children(b)
  return os.clock() + 0.0
end

--Provides: caml_sys_random_seed
-- 12 random bytes from /dev/urandom as ocamlrun does, or time and address.
function P.caml_sys_random_seed(unit)
  local r = { 0 }
  local ok, f = pcall(io.open, "/dev/urandom", "rb")
  local s
  if ok and f then
    s = f:read(12)
    f:close()
  end
  if type(s) == "string" and #s == 12 then
    for i = 1, 12 do r[i + 1] = string.byte(s, i) end
  else
    local addr = tonumber(string.match(tostring({}), "0x(%x+)") or "0", 16) or 0
    r[2] = os.time() % 1073741824
    r[3] = math.floor(os.clock() * 1000000) % 1073741824
    r[4] = math.floor(addr % 1073741824)
  end
  return r
end

--Provides: caml_sys_argv_set, caml_sys_argv_value, caml_sys_exe_name
-- Called at start with the Lua strings argv[0], argv[1], ...
P.caml_sys_argv_value = { 0, "program" }
P.caml_sys_exe_name = "program"
function P.caml_sys_argv_set(list)
  local a = { 0 }
  for i = 1, #list do a[i + 1] = list[i] end
  if #list == 0 then a[2] = "program" end
  P.caml_sys_argv_value = a
  P.caml_sys_exe_name = a[2]
  return 0
end

--Provides: caml_sys_argv
--Requires: caml_sys_argv_value
function P.caml_sys_argv(unit)
  return P.caml_sys_argv_value
end

--Provides: caml_sys_get_argv
--Requires: caml_sys_argv_value, caml_sys_exe_name
function P.caml_sys_get_argv(unit)
  return { 0, P.caml_sys_exe_name, P.caml_sys_argv_value }
end

--Provides: caml_sys_modify_argv
--Requires: caml_sys_argv_value
function P.caml_sys_modify_argv(a)
  P.caml_sys_argv_value = a
  return 0
end

--Provides: caml_sys_executable_name
--Requires: caml_sys_exe_name
function P.caml_sys_executable_name(unit)
  return P.caml_sys_exe_name
end

--Provides: caml_sys_get_config
-- (os_type, word_size, big_endian). The word is 64-bit, as nativeint is, while
-- int is 32-bit (Sys.int_size): see docs/design.md.
function P.caml_sys_get_config(unit)
  return { 0, "Unix", 64, 0 }
end

--Provides: caml_sys_const_big_endian
function P.caml_sys_const_big_endian(unit) return 0 end

--Provides: caml_sys_const_word_size
function P.caml_sys_const_word_size(unit) return 64 end

--Provides: caml_sys_const_int_size
function P.caml_sys_const_int_size(unit) return 32 end

--Provides: caml_sys_const_max_wosize
-- 2^27 - 1 words: Sys.max_string_length = 8 * this - 1 must fit a 32-bit int.
function P.caml_sys_const_max_wosize(unit) return 134217727 end

--Provides: caml_sys_const_ostype_unix
function P.caml_sys_const_ostype_unix(unit) return 1 end

--Provides: caml_sys_const_ostype_win32
function P.caml_sys_const_ostype_win32(unit) return 0 end

--Provides: caml_sys_const_ostype_cygwin
function P.caml_sys_const_ostype_cygwin(unit) return 0 end

--Provides: caml_sys_const_backend_type
-- Sys.backend_type: Native = 0, Bytecode = 1, Other of string. We run the
-- bytecode program, and report Bytecode as ocamlrun does.
function P.caml_sys_const_backend_type(unit) return 1 end

--Provides: caml_sys_const_naked_pointers_checked
function P.caml_sys_const_naked_pointers_checked(unit) return 0 end

--Provides: caml_sys_shell_output
--Requires: caml_sys_exec_status
-- Internal: the standard output of a shell command (nil if no shell can be
-- run): io.popen, or os.execute into a temporary file where Lua was built
-- without popen.
function P.caml_sys_shell_output(cmd)
  local ok, r = pcall(function()
    local h = io.popen(cmd)
    if not h then return nil end
    local s = h:read("*a")
    h:close()
    return s
  end)
  if ok and r then return r end
  local tok, tmp = pcall(os.tmpname)
  if not tok or not tmp then return nil end
  local code = P.caml_sys_exec_status(cmd .. " > " .. tmp)
  local s
  if code ~= nil then
    local f = io.open(tmp, "rb")
    if f then
      s = f:read("*a")
      f:close()
    end
  end
  os.remove(tmp)
  return s
end

--Provides: caml_sys_real_cwd
--Requires: caml_raise_sys_error, caml_sys_shell_output
-- The process's working directory (cached: Lua cannot change it).
local cached
function P.caml_sys_real_cwd()
  if cached then return cached end
  local p = P.caml_sys_shell_output("pwd -P 2>/dev/null")
  p = p and string.match(p, "^(/[^\n]*)")
  if p then
    cached = p
  else
    local pwd = os.getenv("PWD")
    if not pwd then P.caml_raise_sys_error("Function not implemented") end
    cached = pwd
  end
  return cached
end

--Provides: caml_sys_getcwd
--Requires: caml_sys_cwd, caml_sys_real_cwd
function P.caml_sys_getcwd(unit)
  return P.caml_sys_cwd or P.caml_sys_real_cwd()
end

--Provides: caml_sys_chdir
--Requires: caml_lua_string, caml_sys_resolve, caml_sys_stat_kind, caml_sys_path_error, caml_raise_sys_error, caml_sys_getcwd, caml_sys_cwd
function P.caml_sys_chdir(path)
  path = P.caml_lua_string(path)
  local rp = P.caml_sys_resolve(path)
  local kind, err = P.caml_sys_stat_kind(rp)
  if not kind then P.caml_sys_path_error(path, rp, err) end
  if kind ~= "dir" then P.caml_raise_sys_error(path .. ": Not a directory") end
  if string.sub(rp, 1, 1) ~= "/" then rp = P.caml_sys_getcwd(0) .. "/" .. rp end
  local parts = {}
  for c in string.gmatch(rp, "[^/]+") do
    if c == ".." then
      if #parts > 0 then parts[#parts] = nil end
    elseif c ~= "." then
      parts[#parts + 1] = c
    end
  end
  P.caml_sys_cwd = "/" .. table.concat(parts, "/")
  return 0
end

--Provides: caml_sys_execute
-- Internal: run a shell command line with os.execute to its end; returns
-- "exit", code or "signal", signo (or "stopped", signo), nil if no shell
-- could be started. os.execute gives the raw wait status on Lua 5.1 and
-- LuaJIT, and on 5.2+ built without POSIX support ("exit", raw status):
-- `exit 1` tells which once.
local raw
local function decode(status)
  local low = status % 128
  local high = math.floor(status / 256) % 256
  if low == 0 then return "exit", high end
  if low == 127 then return "stopped", high end
  return "signal", low
end
function P.caml_sys_execute(line)
  local ok, a, b, c = pcall(os.execute, line)
  if not ok then return nil end
  if type(a) == "number" then
    if a == -1 then return nil end
    return decode(a)
  end
  if b == "signal" then return "signal", c end
  if b ~= "exit" or type(c) ~= "number" then
    if a then return "exit", 0 end
    return "signal", 0
  end
  if raw == nil then
    local ok1, _, _, c1 = pcall(os.execute, "exit 1")
    raw = ok1 and c1 == 256
  end
  if raw then return decode(c) end
  return "exit", c
end

--Provides: caml_sys_exec_status
--Requires: caml_sys_execute
-- Exit code of a shell command as ocamlrun's Sys.command reports it (255
-- when killed by a signal); nil if no shell could be started.
function P.caml_sys_exec_status(cmd)
  local kind, code = P.caml_sys_execute(cmd)
  if kind == nil then return nil end
  if kind == "exit" then return code end
  return 255
end

--Provides: caml_sys_in_cwd
--Requires: caml_sys_cwd, caml_sys_shell_quote
-- Internal: a shell command line that runs `line` in the program's working
-- directory (set by Sys.chdir / Unix.chdir, which Lua cannot do).
function P.caml_sys_in_cwd(line)
  if P.caml_sys_cwd then
    return "cd " .. P.caml_sys_shell_quote(P.caml_sys_cwd) .. " || exit 127; " .. line
  end
  return line
end

--Provides: caml_sys_forwarding
--Requires: caml_sys_write, caml_sys_write_default
-- Internal: true when the program's standard output and error go to a host
-- (P.caml_sys_write replaced: the embedded runner, Neovim) rather than to the
-- process's descriptors 1 and 2. A child process must not write to those
-- directly (its output would pass the host's buffered output, or land on
-- the editor's screen): its output goes to temporary files that are then
-- written through P.caml_sys_write.
function P.caml_sys_forwarding()
  return P.caml_sys_write ~= P.caml_sys_write_default
end

--Provides: caml_sys_tmpname
-- Internal: a new temporary file name, nil if Lua cannot make one.
function P.caml_sys_tmpname()
  local ok, name = pcall(os.tmpname)
  if ok and type(name) == "string" then return name end
  return nil
end

--Provides: caml_sys_take_file
-- Internal: the contents of a temporary file, which is removed ("" if none).
function P.caml_sys_take_file(name)
  local s = ""
  local f = io.open(name, "rb")
  if f then
    s = f:read("*a") or ""
    f:close()
  end
  os.remove(name)
  return s
end

--Provides: caml_sys_run_forwarded
--Requires: caml_sys_execute, caml_sys_tmpname, caml_sys_take_file, caml_sys_shell_quote, caml_sys_write
-- Internal: run `line` (a command line ending in a simple command, such as
-- "exec prog args", to which redirections are appended) with its standard
-- output and error forwarded through P.caml_sys_write (output first, then
-- error). Returns the status as P.caml_sys_execute does.
function P.caml_sys_run_forwarded(line)
  local out, err = P.caml_sys_tmpname(), P.caml_sys_tmpname()
  if not (out and err) then return P.caml_sys_execute(line) end
  local q = P.caml_sys_shell_quote
  local kind, code = P.caml_sys_execute(line .. " >" .. q(out) .. " 2>" .. q(err))
  local o, e = P.caml_sys_take_file(out), P.caml_sys_take_file(err)
  if o ~= "" then P.caml_sys_write(1, o) end
  if e ~= "" then P.caml_sys_write(2, e) end
  return kind, code
end

--Provides: caml_sys_system_command
--Requires: caml_lua_string, caml_sys_execute, caml_sys_in_cwd, caml_sys_shell_quote, caml_sys_forwarding, caml_sys_run_forwarded, caml_raise_sys_error
-- system(3): `/bin/sh -c cmd`; the exit code, 255 if the shell was killed.
function P.caml_sys_system_command(cmd)
  cmd = P.caml_lua_string(cmd)
  local kind, code
  if P.caml_sys_forwarding() then
    kind, code = P.caml_sys_run_forwarded(
      P.caml_sys_in_cwd("exec /bin/sh -c " .. P.caml_sys_shell_quote(cmd)))
  else
    kind, code = P.caml_sys_execute(P.caml_sys_in_cwd(cmd))
  end
  if kind == nil then P.caml_raise_sys_error(cmd) end
  if kind == "exit" then return code end
  return 255
end

--Provides: caml_sys_command
--Requires: caml_sys_system_command
function P.caml_sys_command(cmd)
  return P.caml_sys_system_command(cmd)
end

--Provides: caml_sys_read_directory
--Requires: caml_lua_string, caml_sys_resolve, caml_sys_stat_kind, caml_sys_path_error, caml_raise_sys_error, caml_sys_shell_quote, caml_sys_shell_output
-- Pure Lua cannot list a directory: `ls -f` (directory order, like readdir)
-- through the shell where the host has one.
function P.caml_sys_read_directory(path)
  path = P.caml_lua_string(path)
  local rp = P.caml_sys_resolve(path)
  local kind, err = P.caml_sys_stat_kind(rp)
  if not kind then P.caml_sys_path_error(path, rp, err) end
  if kind ~= "dir" then P.caml_raise_sys_error(path .. ": Not a directory") end
  local text = P.caml_sys_shell_output("ls -f -- " .. P.caml_sys_shell_quote(rp) .. " 2>/dev/null")
  if not text then P.caml_raise_sys_error(path .. ": Function not implemented") end
  local names = { 0 }
  for line in string.gmatch(text, "[^\n]+") do
    if line ~= "." and line ~= ".." then names[#names + 1] = line end
  end
  return names
end

--Provides: caml_sys_mkdir
--Requires: caml_lua_string, caml_sys_resolve, caml_sys_stat_kind, caml_sys_path_error, caml_raise_sys_error, caml_sys_exec_status, caml_sys_shell_quote
function P.caml_sys_mkdir(path, perm)
  path = P.caml_lua_string(path)
  local rp = P.caml_sys_resolve(path)
  local kind, err, code = P.caml_sys_stat_kind(rp)
  if kind or code == 13 then P.caml_raise_sys_error(path .. ": File exists") end
  local parent = string.match(rp, "^(.*)/[^/]*$")
  if parent == nil then parent = "." elseif parent == "" then parent = "/" end
  local pkind, perr = P.caml_sys_stat_kind(parent)
  if not pkind then
    P.caml_raise_sys_error(path .. ": " .. (string.match(perr or "", ": ([^:]*)$") or "No such file or directory"))
  end
  if pkind ~= "dir" then P.caml_raise_sys_error(path .. ": Not a directory") end
  local cmd = string.format(
    "mkdir -m \"$(printf %%o $(( 0%o & ~0$(umask) )))\" -- %s 2>/dev/null",
    perm % 4096, P.caml_sys_shell_quote(rp))
  if P.caml_sys_exec_status(cmd) ~= 0 then
    P.caml_raise_sys_error(path .. ": Permission denied")
  end
  return 0
end

--Provides: caml_sys_rmdir
--Requires: caml_lua_string, caml_sys_resolve, caml_sys_stat_kind, caml_sys_path_error, caml_raise_sys_error
function P.caml_sys_rmdir(path)
  path = P.caml_lua_string(path)
  local rp = P.caml_sys_resolve(path)
  local kind, err = P.caml_sys_stat_kind(rp)
  if not kind then P.caml_sys_path_error(path, rp, err) end
  if kind ~= "dir" then P.caml_raise_sys_error(path .. ": Not a directory") end
  local ok, rerr = os.remove(rp)
  if not ok then P.caml_sys_path_error(path, rp, rerr) end
  return 0
end

--Provides: caml_sys_isatty
--Requires: caml_sys_fds, caml_sys_exec_status, caml_sys_write_default, caml_sys_read_default
-- Only the standard descriptors of a plain run can be terminals; asked of
-- the shell once per descriptor.
local known = {}
function P.caml_sys_isatty(ch)
  local fd = ch.fd
  local e = P.caml_sys_fds[fd]
  if not (e and e.std and (fd == 0 or fd == 1 or fd == 2)) then return 0 end
  if fd == 0 and P.caml_sys_read ~= P.caml_sys_read_default then return 0 end
  if fd ~= 0 and P.caml_sys_write ~= P.caml_sys_write_default then return 0 end
  if known[fd] == nil then
    known[fd] = P.caml_sys_exec_status("test -t " .. fd) == 0 and 1 or 0
  end
  return known[fd]
end

--Provides: caml_terminfo_rows
function P.caml_terminfo_rows(ch) return -1 end

--Provides: caml_install_signal_handler
-- Signals are not delivered to Lua programs: every handler stays Signal_default.
function P.caml_install_signal_handler(signo, action) return 0 end

--Provides: caml_ml_enable_runtime_warnings, caml_ml_runtime_warnings_enabled
local enabled = 0
function P.caml_ml_enable_runtime_warnings(b)
  enabled = b
  return 0
end
function P.caml_ml_runtime_warnings_enabled(unit)
  return enabled
end

--Provides: caml_ml_debug_info_status
function P.caml_ml_debug_info_status(unit) return 0 end

--Provides: caml_runtime_variant
function P.caml_runtime_variant(unit) return "" end

--Provides: caml_runtime_parameters
--Requires: caml_gc_control
function P.caml_runtime_parameters(unit)
  local c = P.caml_gc_control
  return "a=" .. c[8] .. ",b=0,H=0,i=" .. c[3] .. ",l=" .. c[7]
    .. ",o=" .. c[4] .. ",O=" .. c[6] .. ",p=0,s=" .. c[2]
    .. ",t=0,v=" .. c[5] .. ",w=" .. c[9] .. ",W=0"
end

--Provides: caml_ensure_stack_capacity
function P.caml_ensure_stack_capacity(n) return 0 end

--Provides: caml_reset_afl_instrumentation
function P.caml_reset_afl_instrumentation(unit) return 0 end

--Provides: caml_get_global_data
--Requires: caml_global_data
-- The globals as an OCaml array (slot n at index n + 2).
function P.caml_get_global_data(unit)
  local g, r = P.caml_global_data, { 0 }
  for i = 1, #g do r[i + 1] = g[i] end
  return r
end

--Provides: caml_get_section_table
--Unsupported: bytecode meta-programming (toplevel, debugger) needs the bytecode interpreter
--Requires: caml_failwith
function P.caml_get_section_table(unit)
  P.caml_failwith("Meta.get_section_table: not available")
end

--Provides: caml_realloc_global
function P.caml_realloc_global(size) return 0 end

--Provides: caml_reify_bytecode
--Unsupported: bytecode meta-programming (toplevel, debugger) needs the bytecode interpreter
--Requires: caml_failwith
function P.caml_reify_bytecode(code, debuginfo, digest)
  P.caml_failwith("Meta.reify_bytecode: not available")
end

--Provides: caml_static_release_bytecode
--Unsupported: bytecode meta-programming (toplevel, debugger) needs the bytecode interpreter
--Requires: caml_failwith
function P.caml_static_release_bytecode(code)
  P.caml_failwith("Meta.static_release_bytecode: not available")
end

--Provides: caml_invoke_traced_function
--Unsupported: bytecode meta-programming (toplevel, debugger) needs the bytecode interpreter
--Requires: caml_failwith
function P.caml_invoke_traced_function(codeptr, env, arg)
  P.caml_failwith("Meta.invoke_traced_function: not available")
end

--Provides: caml_get_current_environment
--Unsupported: bytecode meta-programming (toplevel, debugger) needs the bytecode interpreter
--Requires: caml_failwith
function P.caml_get_current_environment(unit)
  P.caml_failwith("Meta.get_current_environment: not available")
end

--Provides: caml_dynlink_open_lib
--Unsupported: dynamic loading of C stubs and libraries is impossible in a compiled Lua program
--Requires: caml_failwith
function P.caml_dynlink_open_lib(mode, name)
  P.caml_failwith("dynamic loading not supported")
end

--Provides: caml_dynlink_close_lib
--Unsupported: dynamic loading of C stubs and libraries is impossible in a compiled Lua program
--Requires: caml_failwith
function P.caml_dynlink_close_lib(h)
  P.caml_failwith("dynamic loading not supported")
end

--Provides: caml_dynlink_lookup_symbol
--Unsupported: dynamic loading of C stubs and libraries is impossible in a compiled Lua program
--Requires: caml_failwith
function P.caml_dynlink_lookup_symbol(h, name)
  P.caml_failwith("dynamic loading not supported")
end

--Provides: caml_dynlink_add_primitive
--Unsupported: dynamic loading of C stubs and libraries is impossible in a compiled Lua program
--Requires: caml_failwith
function P.caml_dynlink_add_primitive(h)
  P.caml_failwith("dynamic loading not supported")
end

--Provides: caml_dynlink_get_current_libs
--Unsupported: dynamic loading of C stubs and libraries is impossible in a compiled Lua program
--Requires: caml_failwith
function P.caml_dynlink_get_current_libs(unit)
  P.caml_failwith("dynamic loading not supported")
end

--Provides: caml_dynlink_get_bytecode_sections
--Unsupported: dynamic loading of bytecode needs the bytecode interpreter
--Requires: caml_failwith
function P.caml_dynlink_get_bytecode_sections(unit)
  P.caml_failwith("Dynlink: bytecode sections are not available")
end
