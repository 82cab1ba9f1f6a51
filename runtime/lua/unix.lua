-- The Unix library (otherlibs/unix: primitives unix_X, renamed caml_unix_X in
-- OCaml 5; every fragment provides both names) as far as plain Lua can honour
-- it: time and dates, sleeping, the process id, the working directory,
-- directories and file names, stat, the environment, file descriptors of the
-- runtime (P.caml_sys_fds), Internet address conversions
-- and error messages. Everything else raises
-- Unix.Unix_error(ENOSYS, "<function>", "") (see the --Unsupported fragments
-- at the end).
--
-- Errors are Unix.Unix_error(code, function, argument), raised through the
-- exception that unix.ml registers with Callback.register_exception
-- "Unix.Unix_error" (P.caml_named_values). `code` is the index of a constant
-- constructor of Unix.error (E2BIG = 0, ..., EOVERFLOW = 67) or the block
-- { 0, errno } for EUNKNOWNERR errno. Error codes and messages are Linux's
-- (glibc's strerror).
--
-- On LuaJIT the FFI provides gettimeofday, nanosleep, getpid, getppid and
-- stat when it is available (P.caml_unix_ffi); otherwise the shell and /proc
-- stand in, and Unix.gettimeofday has a resolution of one second.
-- Paths go through P.caml_sys_resolve, so Unix.chdir and Sys.chdir agree.

--Provides: caml_unix_errno_of_constr
-- The Linux errno of each constant constructor of Unix.error (index 0 = E2BIG).
P.caml_unix_errno_of_constr = { [0] = 7, 13, 11, 9, 16, 10, 35, 33, 17, 14, 27, 4, 22, 5,
  21, 24, 31, 36, 23, 19, 2, 8, 37, 12, 28, 38, 20, 39, 25, 6, 1, 32, 34, 30, 29, 3, 18,
  11, 115, 114, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104,
  105, 106, 107, 108, 109, 110, 111, 112, 113, 40, 75 }

--Provides: caml_unix_strerror, caml_unix_errno_of_message
-- glibc's strerror for errno 0..133, and its inverse.
local msgs = {
  "Operation not permitted", "No such file or directory", "No such process",
  "Interrupted system call", "Input/output error", "No such device or address",
  "Argument list too long", "Exec format error", "Bad file descriptor",
  "No child processes", "Resource temporarily unavailable", "Cannot allocate memory",
  "Permission denied", "Bad address", "Block device required", "Device or resource busy",
  "File exists", "Invalid cross-device link", "No such device", "Not a directory",
  "Is a directory", "Invalid argument", "Too many open files in system",
  "Too many open files", "Inappropriate ioctl for device", "Text file busy",
  "File too large", "No space left on device", "Illegal seek", "Read-only file system",
  "Too many links", "Broken pipe", "Numerical argument out of domain",
  "Numerical result out of range", "Resource deadlock avoided", "File name too long",
  "No locks available", "Function not implemented", "Directory not empty",
  "Too many levels of symbolic links", "Unknown error 41", "No message of desired type",
  "Identifier removed", "Channel number out of range", "Level 2 not synchronized",
  "Level 3 halted", "Level 3 reset", "Link number out of range",
  "Protocol driver not attached", "No CSI structure available", "Level 2 halted",
  "Invalid exchange", "Invalid request descriptor", "Exchange full", "No anode",
  "Invalid request code", "Invalid slot", "Unknown error 58", "Bad font file format",
  "Device not a stream", "No data available", "Timer expired",
  "Out of streams resources", "Machine is not on the network", "Package not installed",
  "Object is remote", "Link has been severed", "Advertise error", "Srmount error",
  "Communication error on send", "Protocol error", "Multihop attempted",
  "RFS specific error", "Bad message", "Value too large for defined data type",
  "Name not unique on network", "File descriptor in bad state", "Remote address changed",
  "Can not access a needed shared library", "Accessing a corrupted shared library",
  ".lib section in a.out corrupted", "Attempting to link in too many shared libraries",
  "Cannot exec a shared library directly",
  "Invalid or incomplete multibyte or wide character",
  "Interrupted system call should be restarted", "Streams pipe error", "Too many users",
  "Socket operation on non-socket", "Destination address required", "Message too long",
  "Protocol wrong type for socket", "Protocol not available", "Protocol not supported",
  "Socket type not supported", "Operation not supported",
  "Protocol family not supported", "Address family not supported by protocol",
  "Address already in use", "Cannot assign requested address", "Network is down",
  "Network is unreachable", "Network dropped connection on reset",
  "Software caused connection abort", "Connection reset by peer",
  "No buffer space available", "Transport endpoint is already connected",
  "Transport endpoint is not connected", "Cannot send after transport endpoint shutdown",
  "Too many references: cannot splice", "Connection timed out", "Connection refused",
  "Host is down", "No route to host", "Operation already in progress",
  "Operation now in progress", "Stale file handle", "Structure needs cleaning",
  "Not a XENIX named type file", "No XENIX semaphores available", "Is a named type file",
  "Remote I/O error", "Disk quota exceeded", "No medium found", "Wrong medium type",
  "Operation canceled", "Required key not available", "Key has expired",
  "Key has been revoked", "Key was rejected by service", "Owner died",
  "State not recoverable", "Operation not possible due to RF-kill",
  "Memory page has hardware error" }
msgs[0] = "Success"
local inverse = {}
for i = #msgs, 1, -1 do inverse[msgs[i]] = i end
function P.caml_unix_strerror(errno)
  return msgs[errno] or ("Unknown error " .. errno)
end
-- The errno of a strerror message, looked for in the longest suffix after
-- ": " (Sys_error messages start with a path); nil if unknown.
function P.caml_unix_errno_of_message(msg)
  local s = msg
  while true do
    local e = inverse[s]
    if e then return e end
    local i = string.find(s, ": ", 1, true)
    if not i then return nil end
    s = string.sub(s, i + 2)
  end
end

--Provides: caml_unix_error_of_errno
--Requires: caml_unix_errno_of_constr
-- The Unix.error value of an errno: the first constructor with that errno
-- (EAGAIN before EWOULDBLOCK, as unix_error_of_code does), else EUNKNOWNERR.
local constr
function P.caml_unix_error_of_errno(errno)
  if not constr then
    constr = {}
    local t = P.caml_unix_errno_of_constr
    for i = 67, 0, -1 do constr[t[i]] = i end
  end
  return constr[errno] or { 0, errno }
end

--Provides: caml_unix_error
--Requires: caml_named_values, caml_invalid_argument
-- Raise Unix.Unix_error(code, fname, arg); code is a Unix.error value.
-- Callback.register_exception registers the exception's slot (its id).
function P.caml_unix_error(code, fname, arg)
  local id = P.caml_named_values["Unix.Unix_error"]
  if id == nil then
    P.caml_invalid_argument("Exception Unix.Unix_error not initialized, please link unix.cma")
  end
  error({ 0, id, code, fname, arg or "" })
end

--Provides: caml_unix_raise_errno
--Requires: caml_unix_error, caml_unix_error_of_errno
function P.caml_unix_raise_errno(errno, fname, arg)
  P.caml_unix_error(P.caml_unix_error_of_errno(errno), fname, arg)
end

--Provides: caml_unix_enosys
--Requires: caml_unix_error
-- Unix.Unix_error(ENOSYS, fname, ""): what every unsupported primitive raises.
function P.caml_unix_enosys(fname)
  P.caml_unix_error(25, fname, "")
end

--Provides: caml_unix_call
--Requires: caml_global_data, caml_lua_string, caml_unix_raise_errno, caml_unix_errno_of_message
-- f(...) with a Sys_error turned into Unix_error(<code of its message>, fname, what).
-- (Not `arg`: Lua 5.1 declares an implicit local `arg` in vararg functions.)
function P.caml_unix_call(fname, what, f, ...)
  local ok, r = pcall(f, ...)
  if ok then return r end
  if type(r) == "table" and r[1] == 0 and r[2] == P.caml_global_data[2] then
    local msg = P.caml_lua_string(r[3])
    P.caml_unix_raise_errno(P.caml_unix_errno_of_message(msg) or 5, fname, what)
  end
  error(r, 0)
end

--Provides: unix_error_message, caml_unix_error_message
--Requires: caml_unix_errno_of_constr, caml_unix_strerror
function P.unix_error_message(err)
  if type(err) == "table" then return P.caml_unix_strerror(err[2]) end
  return P.caml_unix_strerror(P.caml_unix_errno_of_constr[err])
end
-- OCaml 5 names
P.caml_unix_error_message = P.unix_error_message

--Provides: caml_unix_ffi
--If: lua51, lua54
P.caml_unix_ffi = false

--Provides: caml_unix_ffi
--If: luajit
-- LuaJIT's FFI for what plain Lua lacks: a table of functions, or false when
-- the FFI cannot be loaded. Symbols are declared under private names (asm
-- redirection) so that they cannot clash with a user's declarations.
local F = false
local ok, ffi = pcall(require, "ffi")
if ok and type(ffi) == "table" then
  local C = ffi.C
  local function def(s) return (pcall(ffi.cdef, s)) end
  local function sym(name)
    local ok2, f = pcall(function() return C[name] end)
    if ok2 then return f end
    return nil
  end
  F = {}
  def("typedef struct { long sec; long usec; } caml_lua_timeval;")
  def("typedef struct { long sec; long nsec; } caml_lua_timespec;")
  def("int caml_lua_gettimeofday(caml_lua_timeval *tv, void *tz) asm(\"gettimeofday\");")
  def("int caml_lua_nanosleep(const caml_lua_timespec *req, caml_lua_timespec *rem) asm(\"nanosleep\");")
  def("int caml_lua_getpid(void) asm(\"getpid\");")
  def("int caml_lua_getppid(void) asm(\"getppid\");")
  local gtod = sym("caml_lua_gettimeofday")
  if gtod then
    local tv = ffi.new("caml_lua_timeval")
    F.gettimeofday = function()
      if gtod(tv, nil) ~= 0 then return nil end
      return tonumber(tv.sec) + tonumber(tv.usec) / 1e6
    end
  end
  local nanosleep = sym("caml_lua_nanosleep")
  if nanosleep then
    F.sleep = function(d)
      local req, rem = ffi.new("caml_lua_timespec"), ffi.new("caml_lua_timespec")
      local s = math.floor(d)
      req.sec, req.nsec = s, math.floor((d - s) * 1e9)
      while nanosleep(req, rem) ~= 0 do
        if ffi.errno() ~= 4 then return false end
        req.sec, req.nsec = rem.sec, rem.nsec
      end
      return true
    end
  end
  local getpid, getppid = sym("caml_lua_getpid"), sym("caml_lua_getppid")
  if getpid then F.getpid = function() return tonumber(getpid()) end end
  if getppid then F.getppid = function() return tonumber(getppid()) end end
  -- struct stat of glibc on x86-64 and on the generic 64-bit ABI (arm64)
  local layout
  if jit and jit.os == "Linux" and jit.arch == "x64" then
    layout = "typedef struct { unsigned long dev, ino, nlink; unsigned int mode, uid, gid;"
      .. " int pad0; unsigned long rdev; long size, blksize, blocks;"
      .. " long atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns; long reserved[3]; } caml_lua_stat_t;"
  elseif jit and jit.os == "Linux" and jit.arch == "arm64" then
    layout = "typedef struct { unsigned long dev, ino; unsigned int mode, nlink, uid, gid;"
      .. " unsigned long rdev, pad1; long size; int blksize, pad2; long blocks;"
      .. " long atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns; unsigned int unused[2]; } caml_lua_stat_t;"
  end
  if layout then
    def(layout)
    def("int caml_lua_stat(const char *path, caml_lua_stat_t *buf) asm(\"stat\");")
    def("int caml_lua_lstat(const char *path, caml_lua_stat_t *buf) asm(\"lstat\");")
    def("int caml_lua_xstat(int ver, const char *path, caml_lua_stat_t *buf) asm(\"__xstat\");")
    def("int caml_lua_lxstat(int ver, const char *path, caml_lua_stat_t *buf) asm(\"__lxstat\");")
    local st, lst = sym("caml_lua_stat"), sym("caml_lua_lstat")
    if not (st and lst) then
      -- glibc before 2.33 exports only the versioned entry points
      local xst, lxst = sym("caml_lua_xstat"), sym("caml_lua_lxstat")
      local ver = jit.arch == "x64" and 1 or 0
      if xst and lxst then
        st = function(p, b) return xst(ver, p, b) end
        lst = function(p, b) return lxst(ver, p, b) end
      end
    end
    if st and lst then
      F.stat = function(path, follow)
        local buf = ffi.new("caml_lua_stat_t")
        local r = (follow and st or lst)(path, buf)
        if r ~= 0 then return nil, ffi.errno() end
        return {
          dev = tonumber(buf.dev), ino = tonumber(buf.ino), mode = tonumber(buf.mode),
          nlink = tonumber(buf.nlink), uid = tonumber(buf.uid), gid = tonumber(buf.gid),
          rdev = tonumber(buf.rdev), size = tonumber(buf.size),
          atime = tonumber(buf.atime), atime_ns = tonumber(buf.atime_ns),
          mtime = tonumber(buf.mtime), mtime_ns = tonumber(buf.mtime_ns),
          ctime = tonumber(buf.ctime), ctime_ns = tonumber(buf.ctime_ns),
        }
      end
    end
  end
end
P.caml_unix_ffi = F

--Provides: caml_unix_read_file
-- Internal: the contents of a (pseudo-)file, or nil.
function P.caml_unix_read_file(path)
  local ok, f = pcall(io.open, path, "rb")
  if not ok or not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

--Provides: caml_unix_proc_stat
--Requires: caml_unix_read_file
-- Internal: pid and ppid of the Lua process from /proc/self/stat (nil, nil
-- where there is no /proc).
function P.caml_unix_proc_stat()
  local s = P.caml_unix_read_file("/proc/self/stat")
  if not s then return nil, nil end
  local pid = tonumber(string.match(s, "^(%d+)"))
  local ppid = tonumber(string.match(s, "^.*%)%s+%S+%s+(%d+)"))
  return pid, ppid
end

----------------------------------------------------------------------------
-- Time

--Provides: unix_time, caml_unix_time
function P.unix_time(unit)
  return os.time() + 0.0
end
-- OCaml 5 names
P.caml_unix_time = P.unix_time

--Provides: unix_gettimeofday, caml_unix_gettimeofday
--Requires: caml_unix_ffi
-- Microseconds through the FFI; whole seconds otherwise (plain Lua has no
-- finer wall clock).
function P.unix_gettimeofday(unit)
  local F = P.caml_unix_ffi
  if F and F.gettimeofday then
    local t = F.gettimeofday()
    if t then return t + 0.0 end
  end
  return os.time() + 0.0
end
-- OCaml 5 names
P.caml_unix_gettimeofday = P.unix_gettimeofday

--Provides: caml_unix_alloc_tm
-- The Unix.tm record { tm_sec; tm_min; tm_hour; tm_mday; tm_mon; tm_year;
-- tm_wday; tm_yday; tm_isdst } of an os.date("*t") table.
function P.caml_unix_alloc_tm(d)
  return { 0, d.sec, d.min, d.hour, d.day, d.month - 1, d.year - 1900, d.wday - 1,
    d.yday - 1, d.isdst and 1 or 0 }
end

--Provides: caml_unix_time_arg
-- (time_t) of a float as C converts it (truncation), nil when not representable.
local floor, ceil = math.floor, math.ceil
function P.caml_unix_time_arg(t)
  if t ~= t or t >= 9.2233720368547758e18 or t < -9.2233720368547758e18 then return nil end
  if t >= 0 then return floor(t) end
  return ceil(t)
end

--Provides: unix_gmtime, caml_unix_gmtime
--Requires: caml_unix_time_arg, caml_unix_error
-- Computed (proleptic Gregorian calendar, any year that fits an int), so that
-- it does not depend on the C library of the Lua interpreter.
local floor = math.floor
local function days_from_civil(y, m, d)
  if m <= 2 then y = y - 1 end
  local era = floor(y / 400)
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = floor((153 * mp + 2) / 5) + d - 1
  local doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
end
function P.unix_gmtime(t)
  local c = P.caml_unix_time_arg(t)
  if c == nil then P.caml_unix_error(12, "gmtime", "") end -- EINVAL
  local days = floor(c / 86400)
  local secs = c - days * 86400
  local z = days + 719468
  local era = floor(z / 146097)
  local doe = z - era * 146097
  local yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365)
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100))
  local mp = floor((5 * doy + 2) / 153)
  local d = doy - floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  if y - 1900 > 2147483647 or y - 1900 < -2147483648 then
    P.caml_unix_error(12, "gmtime", "")
  end
  local hour = floor(secs / 3600)
  local min = floor((secs - hour * 3600) / 60)
  local sec = secs - hour * 3600 - min * 60
  local wday = (days + 4) % 7
  local yday = days - days_from_civil(y, 1, 1)
  return { 0, sec, min, hour, d, m - 1, y - 1900, wday, yday, 0 }
end
-- OCaml 5 names
P.caml_unix_gmtime = P.unix_gmtime

--Provides: unix_localtime, caml_unix_localtime
--Requires: caml_unix_time_arg, caml_unix_alloc_tm, caml_unix_error
function P.unix_localtime(t)
  local c = P.caml_unix_time_arg(t)
  local ok, d
  if c ~= nil then ok, d = pcall(os.date, "*t", c) end
  if not ok or type(d) ~= "table" then P.caml_unix_error(12, "localtime", "") end
  return P.caml_unix_alloc_tm(d)
end
-- OCaml 5 names
P.caml_unix_localtime = P.unix_localtime

--Provides: unix_mktime, caml_unix_mktime
--Requires: caml_unix_alloc_tm, caml_unix_error
-- os.time normalises like mktime (tm_isdst = -1: the C library decides);
-- the normalised record is localtime of the result.
function P.unix_mktime(tm)
  local ok, t = pcall(os.time, { sec = tm[2], min = tm[3], hour = tm[4], day = tm[5],
    month = tm[6] + 1, year = tm[7] + 1900 })
  if not ok or type(t) ~= "number" then P.caml_unix_error(32, "mktime", "") end -- ERANGE
  local ok2, d = pcall(os.date, "*t", t)
  if not ok2 or type(d) ~= "table" then P.caml_unix_error(32, "mktime", "") end
  return { 0, t + 0.0, P.caml_unix_alloc_tm(d) }
end
-- OCaml 5 names
P.caml_unix_mktime = P.unix_mktime

--Provides: unix_sleep, caml_unix_sleep
--Requires: caml_unix_ffi, caml_sys_exec_status, caml_unix_enosys
-- Unix.sleepf: nanosleep through the FFI, else sleep(1) through the shell
-- (GNU and busybox sleep accept fractions). Never a busy wait.
function P.unix_sleep(d)
  if not (d > 0) then return 0 end
  local F = P.caml_unix_ffi
  if F and F.sleep and F.sleep(d) then return 0 end
  local code = P.caml_sys_exec_status(string.format("sleep %.6f", d))
  if code == nil then P.caml_unix_enosys("sleep") end
  return 0
end
-- OCaml 5 names
P.caml_unix_sleep = P.unix_sleep

--Provides: unix_times, caml_unix_times
-- Unix.times: the processor time of the Lua process as user time (os.clock);
-- children are not accounted for.
function P.unix_times(unit)
  return { 254, os.clock() + 0.0, 0.0, 0.0, 0.0 }
end
-- OCaml 5 names
P.caml_unix_times = P.unix_times

----------------------------------------------------------------------------
-- Process

--Provides: unix_getpid, caml_unix_getpid
--Requires: caml_unix_ffi, caml_unix_proc_stat, caml_sys_shell_output, caml_unix_enosys
-- The Lua interpreter's pid (the FFI, /proc/self/stat, or the parent of a shell).
function P.unix_getpid(unit)
  local F = P.caml_unix_ffi
  if F and F.getpid then return F.getpid() end
  local pid = P.caml_unix_proc_stat()
  if pid then return pid end
  local s = P.caml_sys_shell_output("echo $PPID")
  pid = s and tonumber(string.match(s, "^(%d+)"))
  if pid then return pid end
  P.caml_unix_enosys("getpid")
end
-- OCaml 5 names
P.caml_unix_getpid = P.unix_getpid

--Provides: unix_getppid, caml_unix_getppid
--Requires: caml_unix_ffi, caml_unix_proc_stat, caml_unix_enosys
function P.unix_getppid(unit)
  local F = P.caml_unix_ffi
  if F and F.getppid then return F.getppid() end
  local _, ppid = P.caml_unix_proc_stat()
  if ppid then return ppid end
  P.caml_unix_enosys("getppid")
end
-- OCaml 5 names
P.caml_unix_getppid = P.unix_getppid

--Provides: unix_exit, caml_unix_exit
--Requires: caml_exit_hook
-- Unix._exit: leave at once, without flushing or at_exit functions.
function P.unix_exit(code)
  P.caml_exit_hook(code)
  error({ caml_exit = code })
end
-- OCaml 5 names
P.caml_unix_exit = P.unix_exit

--Provides: unix_environment, unix_environment_unsafe, caml_unix_environment, caml_unix_environment_unsafe
--Requires: caml_unix_read_file, caml_sys_shell_output
-- The initial environment of the process (/proc/self/environ), else `env -0`.
local function environment(unit)
  local s = P.caml_unix_read_file("/proc/self/environ")
  if s == nil or s == "" then s = P.caml_sys_shell_output("env -0 2>/dev/null") end
  local r = { 0 }
  if s then
    for v in string.gmatch(s, "([^%z]+)") do r[#r + 1] = v end
  end
  return r
end
P.unix_environment = environment
P.unix_environment_unsafe = environment
-- OCaml 5 names
P.caml_unix_environment = P.unix_environment
P.caml_unix_environment_unsafe = P.unix_environment_unsafe

--Provides: unix_gethostname, caml_unix_gethostname
--Requires: caml_unix_read_file, caml_sys_shell_output, caml_unix_enosys
function P.unix_gethostname(unit)
  local s = P.caml_unix_read_file("/proc/sys/kernel/hostname")
  if not s or s == "" then s = P.caml_sys_shell_output("uname -n 2>/dev/null") end
  s = s and string.match(s, "^([^\n]+)")
  if not s then P.caml_unix_enosys("gethostname") end
  return s
end
-- OCaml 5 names
P.caml_unix_gethostname = P.unix_gethostname

----------------------------------------------------------------------------
-- Files and directories

--Provides: unix_getcwd, caml_unix_getcwd
--Requires: caml_unix_call, caml_sys_getcwd
function P.unix_getcwd(unit)
  return P.caml_unix_call("getcwd", "", P.caml_sys_getcwd, 0)
end
-- OCaml 5 names
P.caml_unix_getcwd = P.unix_getcwd

--Provides: unix_chdir, caml_unix_chdir
--Requires: caml_unix_call, caml_sys_chdir
function P.unix_chdir(path)
  return P.caml_unix_call("chdir", path, P.caml_sys_chdir, path)
end
-- OCaml 5 names
P.caml_unix_chdir = P.unix_chdir

--Provides: unix_mkdir, caml_unix_mkdir
--Requires: caml_unix_call, caml_sys_mkdir
function P.unix_mkdir(path, perm)
  return P.caml_unix_call("mkdir", path, P.caml_sys_mkdir, path, perm)
end
-- OCaml 5 names
P.caml_unix_mkdir = P.unix_mkdir

--Provides: unix_rmdir, caml_unix_rmdir
--Requires: caml_unix_call, caml_sys_rmdir
function P.unix_rmdir(path)
  return P.caml_unix_call("rmdir", path, P.caml_sys_rmdir, path)
end
-- OCaml 5 names
P.caml_unix_rmdir = P.unix_rmdir

--Provides: unix_unlink, caml_unix_unlink
--Requires: caml_unix_call, caml_sys_remove
function P.unix_unlink(path)
  return P.caml_unix_call("unlink", path, P.caml_sys_remove, path)
end
-- OCaml 5 names
P.caml_unix_unlink = P.unix_unlink

--Provides: unix_rename, caml_unix_rename
--Requires: caml_unix_call, caml_sys_rename
function P.unix_rename(a, b)
  return P.caml_unix_call("rename", a, P.caml_sys_rename, a, b)
end
-- OCaml 5 names
P.caml_unix_rename = P.unix_rename

--Provides: unix_access, caml_unix_access
--Requires: caml_lua_string, caml_sys_resolve, caml_sys_stat_kind, caml_unix_raise_errno, caml_sys_exec_status, caml_sys_shell_quote
-- access_permission: R_OK = 0, W_OK, X_OK, F_OK. Existence is checked in Lua,
-- permissions with test(1).
function P.unix_access(path, perms)
  path = P.caml_lua_string(path)
  local rp = P.caml_sys_resolve(path)
  local kind, _, code = P.caml_sys_stat_kind(rp)
  if not kind and code ~= 13 then P.caml_unix_raise_errno(code or 2, "access", path) end
  local tests = {}
  while perms ~= 0 do
    local p = perms[2]
    if p == 0 then tests[#tests + 1] = "-r"
    elseif p == 1 then tests[#tests + 1] = "-w"
    elseif p == 2 then tests[#tests + 1] = "-x" end
    perms = perms[3]
  end
  local q = P.caml_sys_shell_quote(rp)
  for i = 1, #tests do
    local r = P.caml_sys_exec_status("test " .. tests[i] .. " " .. q)
    if r == nil then
      if not kind then P.caml_unix_raise_errno(13, "access", path) end
      break
    end
    if r ~= 0 then P.caml_unix_raise_errno(13, "access", path) end
  end
  return 0
end
-- OCaml 5 names
P.caml_unix_access = P.unix_access

--Provides: caml_unix_stat_shell
--Requires: caml_sys_shell_output, caml_sys_shell_quote, caml_unix_errno_of_message
-- Internal: stat(1) of GNU coreutils through the shell. Returns the fields of
-- struct stat, or nil and an errno (nil errno: no shell or no GNU stat).
local function num(s) return tonumber(s) end
function P.caml_unix_stat_shell(path, follow)
  -- (in a subshell: caml_sys_shell_output may append a redirection)
  local cmd = "(LC_ALL=C stat " .. (follow and "-L " or "")
    .. "-c '%d %i %f %h %u %g %t %T %s %X %Y %Z %.9X %.9Y %.9Z' -- "
    .. P.caml_sys_shell_quote(path) .. " 2>&1)"
  local out = P.caml_sys_shell_output(cmd)
  if not out then return nil, nil end
  local f = {}
  for w in string.gmatch(out, "%S+") do f[#f + 1] = w end
  if #f ~= 15 or not string.match(out, "^%d") then
    local line = string.match(out, "^([^\n]*)") or ""
    return nil, P.caml_unix_errno_of_message(line)
  end
  local major, minor = tonumber(f[7], 16), tonumber(f[8], 16)
  local function ns(s)
    local frac = string.match(s, "%.(%d+)$")
    if not frac then return 0 end
    return num(string.sub(frac .. "000000000", 1, 9))
  end
  return {
    dev = num(f[1]), ino = num(f[2]), mode = tonumber(f[3], 16), nlink = num(f[4]),
    uid = num(f[5]), gid = num(f[6]),
    -- glibc's makedev
    rdev = (major % 4096) * 256 + (minor % 256) + math.floor(minor / 256) * 1048576
      + math.floor(major / 4096) * 4294967296,
    size = num(f[9]),
    atime = num(f[10]), mtime = num(f[11]), ctime = num(f[12]),
    atime_ns = ns(f[13]), mtime_ns = ns(f[14]), ctime_ns = ns(f[15]),
  }
end

--Provides: caml_unix_stat_raw
--Requires: caml_unix_ffi, caml_unix_stat_shell
-- Internal: struct stat of a resolved path (follow: stat, else lstat) as a
-- table, or nil and an errno (nil: cannot be done here).
function P.caml_unix_stat_raw(path, follow)
  local F = P.caml_unix_ffi
  if F and F.stat then return F.stat(path, follow) end
  return P.caml_unix_stat_shell(path, follow)
end

--Provides: caml_unix_make_stats
--Requires: caml_int64_of_number, caml_nextafter_float, caml_unix_error
-- The Unix.stats (or Unix.LargeFile.stats when `large`) record.
local floor = math.floor
local function wrap(n)
  n = n % 4294967296
  if n >= 2147483648 then n = n - 4294967296 end
  return n
end
local function stamp(s, ns)
  s = s + 0.0
  local t = s + ns / 1e9
  if t == s + 1.0 then t = P.caml_nextafter_float(t, s) end
  return t
end
local KINDS = { [8] = 0, [4] = 1, [2] = 2, [6] = 3, [10] = 4, [1] = 5, [12] = 6 }
function P.caml_unix_make_stats(r, large, fname, arg)
  local fmt = floor(r.mode / 4096) % 16
  local size
  if large then
    size = P.caml_int64_of_number(r.size)
  else
    if r.size > 2147483647 and fmt == 8 then P.caml_unix_error(67, fname, arg) end -- EOVERFLOW
    size = wrap(r.size)
  end
  return { 0, wrap(r.dev), wrap(r.ino), KINDS[fmt] or 0, r.mode % 4096, wrap(r.nlink),
    wrap(r.uid), wrap(r.gid), wrap(r.rdev), size, stamp(r.atime, r.atime_ns),
    stamp(r.mtime, r.mtime_ns), stamp(r.ctime, r.ctime_ns) }
end

--Provides: caml_unix_stat_path
--Requires: caml_lua_string, caml_sys_resolve, caml_unix_stat_raw, caml_unix_make_stats, caml_unix_raise_errno, caml_unix_enosys
function P.caml_unix_stat_path(fname, path, follow, large)
  path = P.caml_lua_string(path)
  if string.find(path, "\0", 1, true) then P.caml_unix_raise_errno(2, fname, path) end
  local r, errno = P.caml_unix_stat_raw(P.caml_sys_resolve(path), follow)
  if not r then
    if errno == nil then P.caml_unix_enosys(fname) end
    P.caml_unix_raise_errno(errno, fname, path)
  end
  return P.caml_unix_make_stats(r, large, fname, path)
end

--Provides: unix_stat, unix_lstat, unix_stat_64, unix_lstat_64, caml_unix_stat, caml_unix_lstat, caml_unix_stat_64, caml_unix_lstat_64
--Requires: caml_unix_stat_path
function P.unix_stat(path) return P.caml_unix_stat_path("stat", path, true, false) end
function P.unix_lstat(path) return P.caml_unix_stat_path("lstat", path, false, false) end
function P.unix_stat_64(path) return P.caml_unix_stat_path("stat", path, true, true) end
function P.unix_lstat_64(path) return P.caml_unix_stat_path("lstat", path, false, true) end
-- OCaml 5 names
P.caml_unix_stat = P.unix_stat
P.caml_unix_lstat = P.unix_lstat
P.caml_unix_stat_64 = P.unix_stat_64
P.caml_unix_lstat_64 = P.unix_lstat_64

--Provides: unix_fstat, unix_fstat_64, caml_unix_fstat, caml_unix_fstat_64
--Requires: caml_sys_fds, caml_sys_resolve, caml_unix_stat_raw, caml_unix_make_stats, caml_unix_raise_errno, caml_unix_enosys
-- By the name the descriptor was opened with; the standard descriptors
-- through /proc/self/fd.
local function fstat(fd, large)
  local e = P.caml_sys_fds[fd]
  if not e then P.caml_unix_raise_errno(9, "fstat", "") end
  if e.pipe then
    -- a pipe of the program (unix_pipe): S_FIFO, rw-------
    return P.caml_unix_make_stats({ dev = 0, ino = 0, mode = 4096 + 384, nlink = 1, uid = 0,
      gid = 0, rdev = 0, size = 0, atime = 0, atime_ns = 0, mtime = 0, mtime_ns = 0,
      ctime = 0, ctime_ns = 0 }, large, "fstat", "")
  end
  local path = e.rpath or (e.name and P.caml_sys_resolve(e.name))
  if not path and e.std then path = "/proc/self/fd/" .. fd end
  if not path then P.caml_unix_enosys("fstat") end
  local r, errno = P.caml_unix_stat_raw(path, true)
  if not r then
    if errno == nil then P.caml_unix_enosys("fstat") end
    P.caml_unix_raise_errno(errno, "fstat", "")
  end
  return P.caml_unix_make_stats(r, large, "fstat", "")
end
function P.unix_fstat(fd) return fstat(fd, false) end
function P.unix_fstat_64(fd) return fstat(fd, true) end
-- OCaml 5 names
P.caml_unix_fstat = P.unix_fstat
P.caml_unix_fstat_64 = P.unix_fstat_64

--Provides: unix_opendir, unix_readdir, unix_rewinddir, unix_closedir, caml_unix_opendir, caml_unix_readdir, caml_unix_rewinddir, caml_unix_closedir
--Requires: caml_lua_string, caml_sys_resolve, caml_sys_stat_kind, caml_sys_shell_output, caml_sys_shell_quote, caml_unix_raise_errno, caml_unix_enosys, caml_raise_end_of_file
-- A directory handle is an abstract table { names, pos }; the names are read
-- at opendir with `ls -f` (readdir order, "." and ".." included). Names
-- containing a newline are not supported.
function P.unix_opendir(path)
  path = P.caml_lua_string(path)
  local rp = P.caml_sys_resolve(path)
  local kind, _, code = P.caml_sys_stat_kind(rp)
  if not kind then P.caml_unix_raise_errno(code or 2, "opendir", path) end
  if kind ~= "dir" then P.caml_unix_raise_errno(20, "opendir", path) end
  local text = P.caml_sys_shell_output("ls -f -- " .. P.caml_sys_shell_quote(rp) .. " 2>/dev/null")
  if not text then P.caml_unix_enosys("opendir") end
  local names = {}
  for line in string.gmatch(text, "[^\n]+") do names[#names + 1] = line end
  if #names == 0 then P.caml_unix_raise_errno(13, "opendir", path) end
  return { names = names, pos = 1 }
end
function P.unix_readdir(d)
  if d.closed then P.caml_unix_raise_errno(9, "readdir", "") end
  local n = d.names[d.pos]
  if n == nil then P.caml_raise_end_of_file() end
  d.pos = d.pos + 1
  return n
end
function P.unix_rewinddir(d)
  if d.closed then P.caml_unix_raise_errno(9, "rewinddir", "") end
  d.pos = 1
  return 0
end
function P.unix_closedir(d)
  if d.closed then P.caml_unix_raise_errno(9, "closedir", "") end
  d.closed = true
  return 0
end
-- OCaml 5 names
P.caml_unix_opendir = P.unix_opendir
P.caml_unix_readdir = P.unix_readdir
P.caml_unix_rewinddir = P.unix_rewinddir
P.caml_unix_closedir = P.unix_closedir

----------------------------------------------------------------------------
-- File descriptors: those of the runtime (P.caml_sys_fds), shared with
-- channels.

--Provides: unix_open, caml_unix_open
--Requires: caml_lua_string, caml_sys_fds, caml_sys_resolve, caml_sys_stat_kind, caml_unix_raise_errno
-- open_flag: O_RDONLY = 0, O_WRONLY, O_RDWR, O_NONBLOCK, O_APPEND, O_CREAT,
-- O_TRUNC, O_EXCL, O_NOCTTY, O_DSYNC, O_SYNC, O_RSYNC, O_SHARE_DELETE,
-- O_CLOEXEC, O_KEEPEXEC. New files get mode 0666 & ~umask (Lua's fopen):
-- the permission argument is not applied.
function P.unix_open(path, flags, perm)
  path = P.caml_lua_string(path)
  if string.find(path, "\0", 1, true) then P.caml_unix_raise_errno(2, "open", path) end
  local rp = P.caml_sys_resolve(path)
  local fl = {}
  while flags ~= 0 do
    fl[flags[2]] = true
    flags = flags[3]
  end
  local kind, _, code = P.caml_sys_stat_kind(rp)
  local exists = kind ~= nil or code == 13
  if fl[5] and fl[7] and exists then P.caml_unix_raise_errno(17, "open", path) end
  if not exists and not fl[5] then P.caml_unix_raise_errno(code or 2, "open", path) end
  local writing = fl[1] or fl[2]
  if kind == "dir" and writing then P.caml_unix_raise_errno(21, "open", path) end
  if not exists or (fl[6] and writing and kind == "file") then
    local c, _, ccode = io.open(rp, "wb")
    if not c then P.caml_unix_raise_errno(ccode or 13, "open", path) end
    c:close()
  end
  local mode = "rb"
  if writing then mode = fl[4] and "a+b" or "r+b" end
  local fh, _, ocode = io.open(rp, mode)
  if not fh then P.caml_unix_raise_errno(ocode or 13, "open", path) end
  if fl[4] then fh:seek("set", 0) end
  local fds = P.caml_sys_fds
  local fd = 3
  while fds[fd] do fd = fd + 1 end
  fds[fd] = { file = fh, name = path, rpath = rp }
  return fd
end
-- OCaml 5 names
P.caml_unix_open = P.unix_open

--Provides: unix_close, caml_unix_close
--Requires: caml_sys_fds, caml_unix_raise_errno
function P.unix_close(fd)
  local e = P.caml_sys_fds[fd]
  if not e then P.caml_unix_raise_errno(9, "close", "") end
  P.caml_sys_fds[fd] = nil
  if not e.std then pcall(e.file.close, e.file) end
  return 0
end
-- OCaml 5 names
P.caml_unix_close = P.unix_close

--Provides: unix_read, caml_unix_read
--Requires: caml_sys_fds, caml_sys_read, caml_unix_call, caml_unix_raise_errno
function P.unix_read(fd, buf, ofs, len)
  if fd ~= 0 and not P.caml_sys_fds[fd] then P.caml_unix_raise_errno(9, "read", "") end
  local s = P.caml_unix_call("read", "", P.caml_sys_read, fd, len)
  local n = #s
  buf.s = nil
  for i = 1, n do buf[ofs + i] = string.byte(s, i) end
  return n
end
-- OCaml 5 names
P.caml_unix_read = P.unix_read

--Provides: unix_write, unix_single_write, caml_unix_write, caml_unix_single_write
--Requires: caml_sys_fds, caml_sys_write, caml_sub_lua_string, caml_unix_call, caml_unix_raise_errno
local function write(name)
  return function(fd, buf, ofs, len)
    if fd ~= 1 and fd ~= 2 and not P.caml_sys_fds[fd] then
      P.caml_unix_raise_errno(9, name, "")
    end
    if len > 0 then
      P.caml_unix_call(name, "", P.caml_sys_write, fd, P.caml_sub_lua_string(buf, ofs, len))
    end
    return len
  end
end
P.unix_write = write("write")
P.unix_single_write = write("single_write")
-- OCaml 5 names
P.caml_unix_write = P.unix_write
P.caml_unix_single_write = P.unix_single_write

--Provides: caml_unix_read_bigarray, caml_unix_write_bigarray
--Requires: caml_sys_fds, caml_sys_read, caml_sys_write, caml_unix_call, caml_unix_raise_errno, caml_ba_set_elt
-- Unix.read_bigarray and Unix.(single_)write_bigarray (OCaml 5.2+) on
-- bigarrays of bytes (int8_unsigned, char): ofs and len count bytes.
function P.caml_unix_read_bigarray(fd, ba, ofs, len)
  if fd ~= 0 and not P.caml_sys_fds[fd] then P.caml_unix_raise_errno(9, "read", "") end
  local s = P.caml_unix_call("read", "", P.caml_sys_read, fd, len)
  local set, d, o = P.caml_ba_set_elt[ba.kind], ba.data, ba.ofs + ofs
  for i = 1, #s do set(d, o + i, string.byte(s, i)) end
  return #s
end
function P.caml_unix_write_bigarray(fd, ba, ofs, len, single)
  local name = single == 1 and "single_write" or "write"
  if fd ~= 1 and fd ~= 2 and not P.caml_sys_fds[fd] then P.caml_unix_raise_errno(9, name, "") end
  if len > 0 then
    local d, o, parts = ba.data, ba.ofs + ofs, {}
    for i = 1, len do parts[i] = string.char(d[o + i] % 256) end
    P.caml_unix_call(name, "", P.caml_sys_write, fd, table.concat(parts))
  end
  return len
end

--Provides: unix_lseek, unix_lseek_64, caml_unix_lseek, caml_unix_lseek_64
--Requires: caml_sys_lseek, caml_unix_call, caml_unix_error, caml_int64_to_number, caml_int64_of_number
local WHENCE = { [0] = "set", "cur", "end" }
function P.unix_lseek(fd, ofs, cmd)
  local r = P.caml_unix_call("lseek", "", P.caml_sys_lseek, fd, ofs, WHENCE[cmd])
  if r > 2147483647 then P.caml_unix_error(67, "lseek", "") end -- EOVERFLOW
  return r
end
function P.unix_lseek_64(fd, ofs, cmd)
  local r = P.caml_unix_call("lseek", "", P.caml_sys_lseek, fd,
    P.caml_int64_to_number(ofs), WHENCE[cmd])
  return P.caml_int64_of_number(r)
end
-- OCaml 5 names
P.caml_unix_lseek = P.unix_lseek
P.caml_unix_lseek_64 = P.unix_lseek_64

--Provides: unix_inchannel_of_filedescr, unix_outchannel_of_filedescr, caml_unix_inchannel_of_filedescr, caml_unix_outchannel_of_filedescr
--Requires: caml_ml_open_descriptor_in, caml_ml_open_descriptor_out
function P.unix_inchannel_of_filedescr(fd) return P.caml_ml_open_descriptor_in(fd) end
function P.unix_outchannel_of_filedescr(fd) return P.caml_ml_open_descriptor_out(fd) end
-- OCaml 5 names
P.caml_unix_inchannel_of_filedescr = P.unix_inchannel_of_filedescr
P.caml_unix_outchannel_of_filedescr = P.unix_outchannel_of_filedescr

--Provides: unix_isatty, caml_unix_isatty
--Requires: caml_sys_isatty
function P.unix_isatty(fd)
  return P.caml_sys_isatty({ fd = fd })
end
-- OCaml 5 names
P.caml_unix_isatty = P.unix_isatty

--Provides: unix_has_symlink, caml_unix_has_symlink
-- Symbolic links cannot be made here (Unix.symlink is unsupported).
function P.unix_has_symlink(unit) return 0 end
-- OCaml 5 names
P.caml_unix_has_symlink = P.unix_has_symlink

----------------------------------------------------------------------------
-- Internet addresses: Lua strings of 4 or 16 bytes, as inet_pton and
-- inet_ntop (glibc) read and write them. Unix's initialisation converts
-- "0.0.0.0", "127.0.0.1", "::" and "::1".

--Provides: caml_unix_parse_ipv4
-- The 4 bytes of a dotted quad (inet_pton: decimal, no leading zeros), or nil.
function P.caml_unix_parse_ipv4(s)
  local a, b, c, d = string.match(s, "^(%d+)%.(%d+)%.(%d+)%.(%d+)$")
  if not a then return nil end
  local parts = { a, b, c, d }
  for i = 1, 4 do
    local p = parts[i]
    if (#p > 1 and string.sub(p, 1, 1) == "0") or #p > 3 then return nil end
    local v = tonumber(p)
    if v > 255 then return nil end
    parts[i] = v
  end
  return string.char(parts[1], parts[2], parts[3], parts[4])
end

--Provides: unix_inet_addr_of_string, caml_unix_inet_addr_of_string
--Requires: caml_lua_string, caml_failwith, caml_unix_parse_ipv4
local function parse6(s)
  local head, tail = s, nil
  local i = string.find(s, "::", 1, true)
  if i then
    head, tail = string.sub(s, 1, i - 1), string.sub(s, i + 2)
    if string.find(tail, "::", 1, true) then return nil end
  end
  local function groups(part, allow_v4)
    local r = {}
    if part == "" then return r end
    local fields = {}
    for f in string.gmatch(part .. ":", "([^:]*):") do fields[#fields + 1] = f end
    for k = 1, #fields do
      local f = fields[k]
      if allow_v4 and k == #fields and string.find(f, ".", 1, true) then
        local v4 = P.caml_unix_parse_ipv4(f)
        if not v4 then return nil end
        local b1, b2, b3, b4 = string.byte(v4, 1, 4)
        r[#r + 1] = b1 * 256 + b2
        r[#r + 1] = b3 * 256 + b4
      else
        if not string.match(f, "^%x%x?%x?%x?$") then return nil end
        r[#r + 1] = tonumber(f, 16)
      end
    end
    return r
  end
  local h = groups(head, tail == nil)
  if not h then return nil end
  local words
  if tail == nil then
    if #h ~= 8 then return nil end
    words = h
  else
    local t = groups(tail, true)
    if not t or #h + #t > 7 then return nil end
    words = {}
    for k = 1, #h do words[#words + 1] = h[k] end
    for _ = 1, 8 - #h - #t do words[#words + 1] = 0 end
    for k = 1, #t do words[#words + 1] = t[k] end
  end
  local bytes = {}
  for k = 1, 8 do
    bytes[2 * k - 1] = math.floor(words[k] / 256)
    bytes[2 * k] = words[k] % 256
  end
  return string.char((table.unpack or unpack)(bytes))
end
function P.unix_inet_addr_of_string(s)
  s = P.caml_lua_string(s)
  local r
  if not string.find(s, "\0", 1, true) then
    r = P.caml_unix_parse_ipv4(s) or parse6(s)
  end
  if not r then P.caml_failwith("inet_addr_of_string") end
  return r
end
-- OCaml 5 names
P.caml_unix_inet_addr_of_string = P.unix_inet_addr_of_string

--Provides: unix_string_of_inet_addr, caml_unix_string_of_inet_addr
--Requires: caml_lua_string, caml_failwith
-- inet_ntop: the longest run (first if tied) of two or more zero words
-- becomes "::"; IPv4-compatible and IPv4-mapped addresses end in a dotted quad.
function P.unix_string_of_inet_addr(a)
  a = P.caml_lua_string(a)
  if #a == 4 then
    return string.format("%d.%d.%d.%d", string.byte(a, 1, 4))
  end
  if #a ~= 16 then P.caml_failwith("string_of_inet_addr") end
  local w = {}
  for k = 0, 7 do
    local hi, lo = string.byte(a, 2 * k + 1, 2 * k + 2)
    w[k] = hi * 256 + lo
  end
  -- w[0..7]: the eight 16-bit words
  local best, bestlen, cur, curlen = nil, 0, nil, 0
  for k = 0, 7 do
    if w[k] == 0 then
      if cur == nil then cur, curlen = k, 1 else curlen = curlen + 1 end
      if curlen > bestlen then best, bestlen = cur, curlen end
    else
      cur, curlen = nil, 0
    end
  end
  if bestlen < 2 then best = nil end
  local out = {}
  for k = 0, 7 do
    if best and k >= best and k < best + bestlen then
      if k == best then out[#out + 1] = ":" end
    else
      if k ~= 0 then out[#out + 1] = ":" end
      if k == 6 and best == 0 and (bestlen == 6 or (bestlen == 5 and w[5] == 65535)) then
        out[#out + 1] = string.format("%d.%d.%d.%d", string.byte(a, 13, 16))
        break
      end
      out[#out + 1] = string.format("%x", w[k])
    end
  end
  if best and best + bestlen == 8 then out[#out + 1] = ":" end
  return table.concat(out)
end
-- OCaml 5 names
P.caml_unix_string_of_inet_addr = P.unix_string_of_inet_addr

----------------------------------------------------------------------------
-- Pipes and processes. A pipe is a buffer inside the Lua process shared by
-- its two descriptors, whose `file` objects stand in for Lua file handles in
-- P.caml_sys_fds (channels, Unix.read and Unix.write use them unchanged).
-- Programs are started through the shell (unix_spawn: Unix.create_process,
-- system, open_process*), in one of two ways:
-- * with io.popen when one pipe connects the child (its standard input, or
--   its output with its error possibly on the same pipe): the child runs
--   alongside the program, as under ocamlrun;
-- * otherwise, or where io.popen is missing, with os.execute and temporary
--   files: the child gets what was written to its input pipe and its output
--   fills its output pipes once it ended. It runs when it is spawned if its
--   input is not a pipe, else when the program closes the input pipe, reads
--   an empty output pipe, or waits for it (its input ends there).
-- A child whose standard output or error is the program's while those go to
-- a host (P.caml_sys_forwarding) writes them to temporary files that are
-- forwarded through P.caml_sys_write when it ends.
-- Exit statuses are os.execute's, or the result of closing the popen handle
-- (Lua 5.2+). On Lua 5.1 and LuaJIT, closing it gives none: the shell writes
-- `$?` to a temporary file, so a popen child killed by signal n reads as
-- WEXITED (128 + n), as a shell reports it.

--Provides: caml_unix_signal_of_number
-- OCaml's number of a Linux signal (caml_rev_convert_signal_number):
-- Sys.sigabrt = -1 ... Sys.sigxfsz = -28; other numbers stay as they are.
local posix = { 6, 14, 8, 1, 4, 2, 9, 13, 3, 11, 15, 10, 12, 17, 18, 19, 20, 21, 22, 26,
  27, 7, 29, 31, 5, 23, 24, 25 }
local rev = {}
for i = 1, #posix do rev[posix[i]] = -i end
function P.caml_unix_signal_of_number(n)
  return rev[n] or n
end

--Provides: caml_unix_process_status
--Requires: caml_unix_signal_of_number
-- Unix.process_status (WEXITED, WSIGNALED, WSTOPPED) of a status as
-- P.caml_sys_execute gives it.
function P.caml_unix_process_status(kind, code)
  if kind == "signal" then return { 1, P.caml_unix_signal_of_number(code) } end
  if kind == "stopped" then return { 2, P.caml_unix_signal_of_number(code) } end
  return { 0, code }
end

--Provides: caml_unix_new_pipe
-- Internal: a new pipe and the file objects of its ends. The pipe holds
-- unread data (buf from pos, then queue), the number of open descriptors of
-- each end in the program, and the processes at its other side: src writes
-- into it (pulled when it is empty), dst reads from it.
local EAGAIN, EBADF, EPIPE = "Resource temporarily unavailable", "Bad file descriptor",
  "Broken pipe"
local concat, sub = table.concat, string.sub
local Pipe = {}
Pipe.__index = Pipe
function Pipe:put(s)
  if s ~= "" then
    local q = self.queue
    q[#q + 1] = s
  end
end
function Pipe:empty()
  return self.pos > #self.buf and #self.queue == 0
end
function Pipe:take(n)
  if self.pos > #self.buf then
    self.buf, self.pos, self.queue = concat(self.queue), 1, {}
  end
  local s = sub(self.buf, self.pos, self.pos + n - 1)
  self.pos = self.pos + #s
  return s
end
function Pipe:take_all()
  local s = sub(self.buf, self.pos) .. concat(self.queue)
  self.buf, self.pos, self.queue = "", 1, {}
  return s
end
local function noseek() error("Illegal seek") end
local function nop() return true end

local Reader = { seek = noseek, flush = nop }
Reader.__index = Reader
function Reader:read(n)
  if self.closed then return nil, EBADF end
  local p = self.pipe
  while p:empty() do
    local src = p.src
    if src then
      src:pull(p)
    elseif p.writers > 0 then
      -- ocamlrun would wait forever: nothing else can write
      return nil, EAGAIN
    else
      return nil
    end
  end
  return p:take(n)
end
function Reader:write() return nil, EBADF end
function Reader:close()
  if self.closed then return true end
  self.closed = true
  local p = self.pipe
  p.readers = p.readers - 1
  if p.readers == 0 and p.src then p.src:reader_gone(p) end
  return true
end

local Writer = { seek = noseek }
Writer.__index = Writer
function Writer:read() return nil, EBADF end
function Writer:write(s)
  if self.closed then return nil, EBADF end
  local p = self.pipe
  if p.dst then return p.dst:push(p, s) end
  if p.readers == 0 then return nil, EPIPE end
  p:put(s)
  return true
end
function Writer:flush()
  local dst = self.pipe.dst
  if dst and dst.h then pcall(dst.h.flush, dst.h) end
  return true
end
function Writer:close()
  if self.closed then return true end
  self.closed = true
  local p = self.pipe
  p.writers = p.writers - 1
  if p.writers == 0 and p.dst then p.dst:input_done(p) end
  return true
end

function P.caml_unix_new_pipe()
  local p = setmetatable({ buf = "", pos = 1, queue = {}, readers = 1, writers = 1 }, Pipe)
  return p, setmetatable({ pipe = p }, Reader), setmetatable({ pipe = p }, Writer)
end

--Provides: unix_pipe, caml_unix_pipe
--Requires: caml_sys_fds, caml_unix_new_pipe
-- Unix.pipe ?cloexec (): (read end, write end).
function P.unix_pipe(cloexec, unit)
  local fds = P.caml_sys_fds
  local p, r, w = P.caml_unix_new_pipe()
  local fd = 3
  while fds[fd] do fd = fd + 1 end
  fds[fd] = { file = r, pipe = p, side = "r" }
  local wfd = fd + 1
  while fds[wfd] do wfd = wfd + 1 end
  fds[wfd] = { file = w, pipe = p, side = "w" }
  return { 0, fd, wfd }
end
-- OCaml 5 names
P.caml_unix_pipe = P.unix_pipe

--Provides: caml_unix_procs, caml_unix_proc_mt
--Requires: caml_sys_execute, caml_sys_take_file, caml_sys_write, caml_sys_read_line
-- Internal: the children not waited for yet (pid -> process, and `order`),
-- and the methods of a process: { pid, state ("pending", "running",
-- "done"), mode ("sync", "r" or "w": io.popen's), line (its shell command
-- line), h (popen handle), pin / pout (its input / output pipe), infile (the
-- temporary file of its input), captures ({ tmp, to = pipe or fd }), files
-- (descriptor entries of files it appends to), statusfile, kind, code }.
P.caml_unix_procs = { order = {} }
local Proc = {}
Proc.__index = Proc
P.caml_unix_proc_mt = Proc

-- Give the results to their readers; the program's file descriptors that
-- the child appended to move to their end (the offset is shared).
function Proc:done(kind, code)
  self.kind, self.code, self.state = kind or "exit", code or 127, "done"
  local caps = self.captures
  for i = 1, #caps do
    local c = caps[i]
    local s = P.caml_sys_take_file(c.tmp)
    if type(c.to) == "number" then
      if s ~= "" then pcall(P.caml_sys_write, c.to, s) end
    else
      c.to:put(s)
      if c.to.src == self then c.to.src = nil end
    end
  end
  if self.pin and self.pin.dst == self then self.pin.dst = nil end
  if self.pout and self.pout.src == self then self.pout.src = nil end
  if self.infile then os.remove(self.infile) end
  for i = 1, #self.files do
    local f = self.files[i].file
    pcall(f.seek, f, "end", 0)
  end
end

-- A "sync" child runs to its end (its input is what its pipe holds).
function Proc:run()
  if self.state ~= "pending" then return end
  self.state = "running"
  if self.pin then
    local data = self.pin:take_all()
    self.pin.dst = nil
    local f = io.open(self.infile, "wb")
    if f then
      f:write(data)
      f:close()
    end
  end
  self:done(P.caml_sys_execute(self.line))
end

-- Wait for the end of a child; `keep`: the program still reads its output
-- pipe, which receives what the child writes until its end.
function Proc:finish(keep)
  if self.state == "pending" then return self:run() end
  if self.state ~= "running" then return end
  local h = self.h
  if self.mode == "r" and self.pout.src == self then
    if keep then
      local rest = h:read("*a")
      if rest then self.pout:put(rest) end
    end
    self.pout.src = nil
  end
  if self.mode == "w" and self.pin.dst == self then self.pin.dst = nil end
  local ok, a, b, c = pcall(h.close, h)
  local kind, code
  if self.statusfile then
    local n = tonumber(string.match(P.caml_sys_take_file(self.statusfile), "%d+"))
    kind, code = "exit", n or 127
  elseif ok and (b == "exit" or b == "signal") and type(c) == "number" then
    kind, code = b, c
  else
    kind, code = "exit", 0
  end
  self:done(kind, code)
end

-- p (an output pipe of the child) is empty and the program reads it.
function Proc:pull(p)
  if self.state == "pending" then return self:run() end
  if self.mode == "r" and self.state == "running" then
    local s = P.caml_sys_read_line(self.h)
    if s == nil or s == "" then
      self.eof = true
      p.src = nil
    else
      p:put(s)
    end
    return
  end
  p.src = nil
end

-- The program wrote s to p, the child's input pipe.
function Proc:push(p, s)
  if self.mode == "w" and self.state == "running" then
    local ok, r, err = pcall(self.h.write, self.h, s)
    if not ok or not r then return nil, err or "Broken pipe" end
    return true
  end
  p:put(s)
  return true
end

-- The program closed the last descriptor of the child's input pipe.
function Proc:input_done(p)
  self:finish(false)
end

-- The program closed the last reading descriptor of the child's output
-- pipe: a child that still writes gets SIGPIPE, as under ocamlrun.
function Proc:reader_gone(p)
  if self.mode == "r" then self:finish(false) end
end

--Provides: unix_spawn, caml_unix_spawn
--Requires: caml_lua_string, caml_sys_fds, caml_sys_resolve, caml_sys_shell_quote, caml_sys_in_cwd, caml_sys_forwarding, caml_sys_tmpname, caml_unix_procs, caml_unix_proc_mt, caml_unix_raise_errno, caml_unix_enosys
-- spawn prog args optenv usepath redirect: the child's pid. redirect holds
-- the program's descriptors that become the child's 0, 1 and 2. The child's
-- argv[0] is the program's name, not args.(0).
local q = nil
local shell
local next_pid = 1000
local function exists(path)
  local f = io.open(path, "rb")
  if f then f:close() return true end
  return false
end
local function found(prog, usepath)
  if usepath == 0 or string.find(prog, "/", 1, true) then
    return exists(P.caml_sys_resolve(prog))
  end
  for dir in string.gmatch((os.getenv("PATH") or "/bin:/usr/bin") .. ":", "([^:]*):") do
    if dir == "" then dir = "." end
    if exists(P.caml_sys_resolve(dir .. "/" .. prog)) then return true end
  end
  return false
end
-- The redirections of the child's descriptors for `mode`, and its captures.
local function build(proc, core, t, same, mode)
  local redirs, caps = {}, {}
  local function capture(to)
    local tmp = P.caml_sys_tmpname()
    if not tmp then return nil end
    caps[#caps + 1] = { tmp = tmp, to = to }
    return q(tmp)
  end
  local t0 = t[0]
  if t0.kind == "dup" then
    redirs[#redirs + 1] = "<&" .. t0.fd
  elseif t0.kind == "file" then
    redirs[#redirs + 1] = "<" .. q(t0.path)
  elseif t0.kind == "null" then
    redirs[#redirs + 1] = "</dev/null"
  elseif t0.kind == "pipe" and mode ~= "w" then
    proc.infile = P.caml_sys_tmpname()
    if not proc.infile then return nil end
    redirs[#redirs + 1] = "<" .. q(proc.infile)
  end
  for k = 1, 2 do
    local tk, pre = t[k], k == 1 and ">" or "2>"
    local r
    if k == 2 and same then
      r = "2>&1"
    elseif tk.kind == "dup" then
      r = (k == 1 and "" or "2") .. ">&" .. tk.fd
    elseif tk.kind == "file" then
      r = pre .. ">" .. q(tk.path)
      proc.files[#proc.files + 1] = tk.entry
    elseif tk.kind == "null" then
      r = pre .. "/dev/null"
    elseif tk.kind == "host" then
      r = capture(tk.fd)
      if not r then return nil end
      r = pre .. r
    elseif tk.kind == "pipe" and not (mode == "r" and k == 1) then
      r = capture(tk.pipe)
      if not r then return nil end
      r = pre .. r
    end
    if r then redirs[#redirs + 1] = r end
  end
  proc.captures = caps
  local cmd = core
  if #redirs > 0 then cmd = cmd .. " " .. table.concat(redirs, " ") end
  if mode ~= "sync" and P.target ~= "lua54" then
    -- the status of the child, which closing the popen handle does not give
    proc.statusfile = P.caml_sys_tmpname()
    if not proc.statusfile then return nil end
    return P.caml_sys_in_cwd(cmd .. "; echo $? >" .. q(proc.statusfile))
  end
  return P.caml_sys_in_cwd("exec " .. cmd)
end
local function cleanup(proc)
  for i = 1, #(proc.captures or {}) do os.remove(proc.captures[i].tmp) end
  if proc.infile then os.remove(proc.infile) end
  if proc.statusfile then os.remove(proc.statusfile) end
  proc.captures, proc.infile, proc.statusfile, proc.files = {}, nil, nil, {}
end
function P.unix_spawn(prog, args, optenv, usepath, redirect)
  q = P.caml_sys_shell_quote
  local S = P.caml_lua_string
  prog = S(prog)
  if shell == nil then
    local ok, r = pcall(os.execute)
    shell = ok and (r == true or (type(r) == "number" and r ~= 0))
  end
  if not shell then P.caml_unix_enosys("create_process") end
  if string.find(prog, "\0", 1, true) or not found(prog, usepath) then
    P.caml_unix_raise_errno(2, "create_process", prog)
  end
  -- the command: [env -i VAR=value...] prog args...
  local words = {}
  if optenv ~= 0 then
    words[1] = "env -i"
    local env = optenv[2]
    for i = 2, #env do words[#words + 1] = q(S(env[i])) end
  end
  if usepath == 0 and not string.find(prog, "/", 1, true) then
    words[#words + 1] = q("./" .. prog)
  else
    words[#words + 1] = q(prog)
  end
  for i = 3, #args do words[#words + 1] = q(S(args[i])) end
  local core = table.concat(words, " ")
  -- where the child's descriptors go
  local fds, fwd = P.caml_sys_fds, P.caml_sys_forwarding()
  local t = {}
  for k = 0, 2 do
    local src = redirect[k + 2]
    local e = fds[src]
    if e == nil then P.caml_unix_raise_errno(9, "create_process", prog) end
    local tk
    if e.std then
      if k > 0 and src > 0 and fwd then
        tk = { kind = "host", fd = src }
      elseif src == k then
        tk = { kind = "inherit" }
      else
        tk = { kind = "dup", fd = src }
      end
    elseif e.pipe then
      if e.side == (k == 0 and "r" or "w") then
        tk = { kind = "pipe", pipe = e.pipe }
      else
        tk = { kind = "null" }
      end
    elseif e.rpath or e.name then
      pcall(e.file.flush, e.file)
      tk = { kind = "file", path = e.rpath or P.caml_sys_resolve(e.name), entry = e }
    else
      tk = { kind = "null" }
    end
    t[k] = tk
  end
  local same = redirect[4] == redirect[3] and redirect[4] ~= 2
  local pin = t[0].kind == "pipe" and t[0].pipe or nil
  local pout = t[1].kind == "pipe" and t[1].pipe or nil
  local perr = not same and t[2].kind == "pipe" and t[2].pipe or nil
  next_pid = next_pid + 1
  local proc = setmetatable({ pid = next_pid, state = "pending", pin = pin, pout = pout,
    files = {} }, P.caml_unix_proc_mt)
  local mode = "sync"
  if pin and not pout and not perr then
    mode = "w"
  elseif pout and not pin and not perr then
    mode = "r"
  end
  if mode ~= "sync" then
    local line = build(proc, core, t, same, mode)
    local ok, h = false, nil
    if line then ok, h = pcall(io.popen, line, mode) end
    if ok and h then
      proc.mode, proc.h, proc.state = mode, h, "running"
      if mode == "w" then
        local data = pin:take_all()
        if data ~= "" then
          h:write(data)
          h:flush()
        end
        pin.dst = proc
      else
        pout.src = proc
      end
    else
      cleanup(proc)
      mode = "sync"
    end
  end
  if mode == "sync" then
    proc.mode = "sync"
    proc.line = build(proc, core, t, same, "sync")
    if not proc.line then
      cleanup(proc)
      P.caml_unix_enosys("create_process")
    end
    for i = 1, #proc.captures do
      local to = proc.captures[i].to
      if type(to) == "table" then to.src = proc end
    end
    if pin then
      pin.dst = proc
      -- the program may already have closed the pipe's writing end
      if pin.writers == 0 then proc:run() end
    else
      proc:run()
    end
  end
  local procs = P.caml_unix_procs
  procs[proc.pid] = proc
  procs.order[#procs.order + 1] = proc
  return proc.pid
end
-- OCaml 5 names
P.caml_unix_spawn = P.unix_spawn

--Provides: unix_waitpid, unix_wait, caml_unix_waitpid, caml_unix_wait
--Requires: caml_unix_procs, caml_unix_process_status, caml_unix_raise_errno
-- Children started by unix_spawn. A pid <= 0 (any child) waits for the
-- oldest; with WNOHANG a child still connected to the program by a pipe
-- counts as running.
local function reap(proc)
  local procs = P.caml_unix_procs
  procs[proc.pid] = nil
  local order = procs.order
  for i = 1, #order do
    if order[i] == proc then
      table.remove(order, i)
      break
    end
  end
  return { 0, proc.pid, P.caml_unix_process_status(proc.kind, proc.code) }
end
local function finished(proc)
  return proc.state == "done" or (proc.mode == "r" and proc.eof)
end
local function wait(fname, flags, pid)
  local nohang = false
  while flags ~= 0 do
    if flags[2] == 0 then nohang = true end
    flags = flags[3]
  end
  local procs = P.caml_unix_procs
  local proc
  if pid > 0 then
    proc = procs[pid]
  else
    local order = procs.order
    for i = 1, #order do
      if finished(order[i]) then
        proc = order[i]
        break
      end
    end
    if not proc and not nohang then proc = order[1] end
    if not proc and nohang and #order > 0 then return { 0, 0, { 0, 0 } } end
  end
  if not proc then P.caml_unix_raise_errno(10, fname, "") end
  if proc.state ~= "done" then
    if nohang and not finished(proc) then return { 0, 0, { 0, 0 } } end
    proc:finish(true)
  end
  return reap(proc)
end
function P.unix_waitpid(flags, pid) return wait("waitpid", flags, pid) end
function P.unix_wait(unit) return wait("wait", 0, -1) end
-- OCaml 5 names
P.caml_unix_waitpid = P.unix_waitpid
P.caml_unix_wait = P.unix_wait

----------------------------------------------------------------------------
-- Unsupported: Unix_error(ENOSYS, <function>, "") for everything else.

--Provides: unix_fork, unix_execv, unix_execve, unix_execvp, unix_execvpe, unix_nice, unix_setsid, unix_kill, caml_unix_fork, caml_unix_execv, caml_unix_execve, caml_unix_execvp, caml_unix_execvpe, caml_unix_nice, caml_unix_setsid, caml_unix_kill
--Unsupported: a Lua program cannot fork, replace itself, or signal processes (it starts them through the shell: see unix_spawn)
--Requires: caml_unix_enosys
local names = { "fork", "execv", "execve", "execvp", "execvpe", "nice", "setsid", "kill" }
for i = 1, #names do
  local name = names[i]
  local f = function() P.caml_unix_enosys(name) end
  P["unix_" .. name], P["caml_unix_" .. name] = f, f
end

--Provides: unix_sigprocmask, unix_sigpending, unix_sigsuspend, unix_alarm, unix_getitimer, unix_setitimer, caml_unix_sigprocmask, caml_unix_sigpending, caml_unix_sigsuspend, caml_unix_alarm, caml_unix_getitimer, caml_unix_setitimer
--Unsupported: signals and interval timers are not available to Lua programs
--Requires: caml_unix_enosys
local names = { "sigprocmask", "sigpending", "sigsuspend", "alarm", "getitimer", "setitimer" }
for i = 1, #names do
  local name = names[i]
  local f = function() P.caml_unix_enosys(name) end
  P["unix_" .. name], P["caml_unix_" .. name] = f, f
end

--Provides: unix_socket, unix_socketpair, unix_accept, unix_bind, unix_connect, unix_listen, unix_shutdown, unix_getsockname, unix_getpeername, unix_recv, unix_recvfrom, unix_send, unix_sendto, unix_getsockopt, unix_setsockopt, unix_gethostbyname, unix_gethostbyaddr, unix_getprotobyname, unix_getprotobynumber, unix_getservbyname, unix_getservbyport, unix_getaddrinfo, unix_getnameinfo, caml_unix_socket, caml_unix_socketpair, caml_unix_accept, caml_unix_bind, caml_unix_connect, caml_unix_listen, caml_unix_shutdown, caml_unix_getsockname, caml_unix_getpeername, caml_unix_recv, caml_unix_recvfrom, caml_unix_send, caml_unix_sendto, caml_unix_getsockopt, caml_unix_setsockopt, caml_unix_gethostbyname, caml_unix_gethostbyaddr, caml_unix_getprotobyname, caml_unix_getprotobynumber, caml_unix_getservbyname, caml_unix_getservbyport, caml_unix_getaddrinfo, caml_unix_getnameinfo
--Unsupported: plain Lua has no sockets and no access to the network databases
--Requires: caml_unix_enosys
local names = { "socket", "socketpair", "accept", "bind", "connect", "listen", "shutdown",
  "getsockname", "getpeername", "recv", "recvfrom", "send", "sendto", "getsockopt",
  "setsockopt", "gethostbyname", "gethostbyaddr", "getprotobyname", "getprotobynumber",
  "getservbyname", "getservbyport", "getaddrinfo", "getnameinfo" }
for i = 1, #names do
  local name = names[i]
  local f = function() P.caml_unix_enosys(name) end
  P["unix_" .. name], P["caml_unix_" .. name] = f, f
end

--Provides: unix_getuid, unix_geteuid, unix_getgid, unix_getegid, unix_setuid, unix_setgid, unix_getgroups, unix_setgroups, unix_initgroups, unix_getlogin, unix_getpwnam, unix_getpwuid, unix_getgrnam, unix_getgrgid, caml_unix_getuid, caml_unix_geteuid, caml_unix_getgid, caml_unix_getegid, caml_unix_setuid, caml_unix_setgid, caml_unix_getgroups, caml_unix_setgroups, caml_unix_initgroups, caml_unix_getlogin, caml_unix_getpwnam, caml_unix_getpwuid, caml_unix_getgrnam, caml_unix_getgrgid
--Unsupported: users, groups and their databases are not available to Lua programs
--Requires: caml_unix_enosys
local names = { "getuid", "geteuid", "getgid", "getegid", "setuid", "setgid", "getgroups",
  "setgroups", "initgroups", "getlogin", "getpwnam", "getpwuid", "getgrnam", "getgrgid" }
for i = 1, #names do
  local name = names[i]
  local f = function() P.caml_unix_enosys(name) end
  P["unix_" .. name], P["caml_unix_" .. name] = f, f
end

--Provides: unix_tcgetattr, unix_tcsetattr, unix_tcsendbreak, unix_tcdrain, unix_tcflush, unix_tcflow, caml_unix_tcgetattr, caml_unix_tcsetattr, caml_unix_tcsendbreak, caml_unix_tcdrain, caml_unix_tcflush, caml_unix_tcflow
--Unsupported: terminal control is not available to Lua programs
--Requires: caml_unix_enosys
local names = { "tcgetattr", "tcsetattr", "tcsendbreak", "tcdrain", "tcflush", "tcflow" }
for i = 1, #names do
  local name = names[i]
  local f = function() P.caml_unix_enosys(name) end
  P["unix_" .. name], P["caml_unix_" .. name] = f, f
end

--Provides: unix_dup, unix_dup2, unix_select, unix_lockf, unix_set_nonblock, unix_clear_nonblock, unix_set_close_on_exec, unix_clear_close_on_exec, unix_fchmod, unix_fchown, unix_ftruncate, unix_ftruncate_64, unix_fsync, caml_unix_map_file_bytecode, caml_unix_dup, caml_unix_dup2, caml_unix_select, caml_unix_lockf, caml_unix_set_nonblock, caml_unix_clear_nonblock, caml_unix_set_close_on_exec, caml_unix_clear_close_on_exec, caml_unix_fchmod, caml_unix_fchown, caml_unix_ftruncate, caml_unix_ftruncate_64, caml_unix_fsync
--Unsupported: Lua file handles offer no descriptor-level operations (duplication, select, locks, flags, mapping)
--Requires: caml_unix_enosys
local names = { dup = "dup", dup2 = "dup2", select = "select", lockf = "lockf",
  set_nonblock = "set_nonblock", clear_nonblock = "clear_nonblock",
  set_close_on_exec = "set_close_on_exec", clear_close_on_exec = "clear_close_on_exec",
  fchmod = "fchmod", fchown = "fchown", ftruncate = "ftruncate", ftruncate_64 = "ftruncate",
  fsync = "fsync" }
for prim, name in pairs(names) do
  local f = function() P.caml_unix_enosys(name) end
  P["unix_" .. prim], P["caml_unix_" .. prim] = f, f
end
P.caml_unix_map_file_bytecode = function() P.caml_unix_enosys("map_file") end

--Provides: unix_chmod, unix_chown, unix_chroot, unix_link, unix_symlink, unix_readlink, unix_mkfifo, unix_truncate, unix_truncate_64, unix_utimes, unix_umask, unix_realpath, caml_unix_chmod, caml_unix_chown, caml_unix_chroot, caml_unix_link, caml_unix_symlink, caml_unix_readlink, caml_unix_mkfifo, caml_unix_truncate, caml_unix_truncate_64, caml_unix_utimes, caml_unix_umask, caml_unix_realpath
--Unsupported: plain Lua cannot read or change links, permissions, owners, times, the umask or the root directory
--Requires: caml_unix_enosys
local names = { chmod = "chmod", chown = "chown", chroot = "chroot", link = "link",
  symlink = "symlink", readlink = "readlink", mkfifo = "mkfifo", truncate = "truncate",
  truncate_64 = "truncate", utimes = "utimes", umask = "umask", realpath = "realpath" }
for prim, name in pairs(names) do
  local f = function() P.caml_unix_enosys(name) end
  P["unix_" .. prim], P["caml_unix_" .. prim] = f, f
end

--Provides: unix_putenv, caml_unix_putenv
--Unsupported: Lua cannot modify the environment of its process
--Requires: caml_unix_enosys
function P.unix_putenv(name, value)
  P.caml_unix_enosys("putenv")
end
-- OCaml 5 names
P.caml_unix_putenv = P.unix_putenv
