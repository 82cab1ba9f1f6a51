-- :LuaOcamlCompile — write the Lua of a program to a file, with the command line.
--
-- The program is, as for the language server, every .ml file of the buffer's
-- folder. The sources go straight to `lua_of_ocaml compile`, which builds them
-- with ocamlc (the configured one and flags) and the OCaml library in a private
-- folder. The job runs in the background.

local config = require("lua_of_ocaml.config")
local util = require("lua_of_ocaml.util")

local M = {}

--- The last compilation's outcome (for scripts and tests): {ok, output, message}.
M.last = nil

local function sources_of(dir)
  local out = {}
  for name, kind in vim.fs.dir(dir) do
    if (kind == "file" or kind == "link") and name:match("%.ml$") and not name:match("^[.#]") then
      table.insert(out, vim.fs.joinpath(dir, name))
    end
  end
  table.sort(out)
  return out
end

local function tail(text, n)
  local lines = vim.split(vim.trim(text or ""), "\n", { plain = true })
  if #lines > n then
    lines = vim.list_slice(lines, #lines - n + 1, #lines)
    table.insert(lines, 1, "...")
  end
  return table.concat(lines, "\n")
end

local function finish(ok, output, message)
  M.last = { ok = ok, output = output, message = message }
  if ok then
    util.notify(message)
  else
    util.error(message)
  end
end

-- Run the jobs of `steps` one after the other (a step's `done` may add steps).
-- Each step is {what, cmd, cwd, done?}; `done(result)` may return an error message.
local function run_steps(steps, timeout, on_error, on_success)
  local i = 0
  local function next_step()
    i = i + 1
    local step = steps[i]
    if step == nil then
      return on_success()
    end
    local ok, err = pcall(vim.system, step.cmd, { cwd = step.cwd, text = true, timeout = timeout * 1000 },
      vim.schedule_wrap(function(res)
        if res.code == 124 and res.signal ~= 0 then
          return on_error(string.format("%s: stopped after %d s (option compile.timeout)", step.what, timeout))
        end
        if res.code ~= 0 then
          local out = tail((res.stderr or "") .. (res.stdout or ""), 30)
          return on_error(string.format("%s failed (exit code %d)%s", step.what, res.code,
            out ~= "" and (":\n" .. out) or ""))
        end
        if step.done then
          local msg = step.done(res)
          if msg then
            return on_error(msg)
          end
        end
        next_step()
      end))
    if not ok then
      on_error(string.format("%s: cannot run %s: %s", step.what, step.cmd[1], tostring(err)))
    end
  end
  next_step()
end

local function list(...)
  local out = {}
  for _, t in ipairs({ ... }) do
    vim.list_extend(out, t)
  end
  return out
end

--- The command-line options of `lua_of_ocaml compile` after the inputs.
local function compile_options(opts, output)
  local args = { "--target", opts.target }
  local module = opts.compile.module
  if module == nil then
    module = opts.module
  end
  if module then
    table.insert(args, "--module")
  end
  if opts.compile.source_map then
    table.insert(args, "--source-map")
  end
  if opts.ocamlc ~= "ocamlc" then
    vim.list_extend(args, { "--ocamlc", opts.ocamlc })
  end
  for _, f in ipairs(opts.ocamlc_flags) do
    table.insert(args, "--ocamlc-flag=" .. f)
  end
  for _, f in ipairs(opts.link_flags) do
    table.insert(args, "--link-flag=" .. f)
  end
  vim.list_extend(args, { "-o", output })
  return args
end

local function autowrite(dir)
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    local file = util.buf_file(bufnr)
    if file and vim.bo[bufnr].modified and util.is_ocaml_source(file) and vim.fs.dirname(file) == dir then
      local ok, err = pcall(vim.api.nvim_buf_call, bufnr, function()
        vim.cmd("silent update")
      end)
      if not ok then
        return string.format("cannot write %s: %s", file, tostring(err))
      end
    end
  end
end

--- Compile the program of the OCaml buffer `bufnr` to `output` (nil: by the options).
---@param bufnr integer
---@param output? string
function M.compile(bufnr, output)
  local opts = config.get()
  local file = util.buf_file(bufnr)
  if not util.is_ocaml_source(file) then
    return finish(false, nil, "this command works in an OCaml source buffer (.ml or .mli)")
  end
  file = util.realpath(file)
  local dir = vim.fs.dirname(file)
  if vim.fs.root(file, { "dune-project", "dune-workspace" }) then
    return finish(false, nil, "this file belongs to a dune project: build its Lua with dune "
      .. "(a rule running lua_of_ocaml compile, see the documentation: :help lua_of_ocaml-dune)")
  end
  if opts.autowrite then
    local err = autowrite(dir)
    if err then
      return finish(false, nil, err)
    end
  end
  local sources = sources_of(dir)
  if #sources == 0 then
    return finish(false, nil, "no .ml file in " .. dir)
  end
  local runtime = {}
  for _, f in ipairs(opts.runtime_files) do
    local p = vim.fs.normalize(f)
    if p:sub(1, 1) ~= "/" then
      p = vim.fs.joinpath(dir, p)
    end
    if vim.fn.filereadable(p) == 0 then
      return finish(false, nil, string.format("runtime file %s not found (looked for %s)", f, p))
    end
    table.insert(runtime, p)
  end
  if output and output ~= "" then
    output = vim.fn.fnamemodify(vim.fs.normalize(output), ":p")
  else
    local out_dir = dir
    if opts.compile.output_dir then
      out_dir = vim.fs.normalize(opts.compile.output_dir)
      if out_dir:sub(1, 1) ~= "/" then
        out_dir = vim.fs.joinpath(dir, out_dir)
      end
    end
    output = vim.fs.joinpath(out_dir, vim.fn.fnamemodify(file, ":t:r") .. ".lua")
  end
  local out_dir = vim.fs.dirname(output)
  if vim.fn.isdirectory(out_dir) == 0 and vim.fn.mkdir(out_dir, "p") == 0 then
    return finish(false, nil, "cannot create the folder " .. out_dir)
  end
  local warnings = {}
  local final = {
    what = "lua_of_ocaml compile",
    cwd = dir,
    cmd = list(opts.compile.cmd, { "compile" }, sources, runtime, compile_options(opts, output)),
    done = function(res)
      for line in (res.stderr or ""):gmatch("[^\n]+") do
        table.insert(warnings, line)
      end
    end,
  }
  util.notify(string.format("compiling %s to %s", vim.fn.fnamemodify(file, ":t"), vim.fn.fnamemodify(output, ":~:.")))
  run_steps({ final }, opts.compile.timeout, function(message)
    finish(false, output, "compile: " .. message)
  end, function()
    local msg = "wrote " .. vim.fn.fnamemodify(output, ":~:.")
    if #warnings > 0 then
      msg = msg .. "\n" .. tail(table.concat(warnings, "\n"), 20)
    end
    finish(true, output, msg)
  end)
end

return M
