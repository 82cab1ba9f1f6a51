-- Atomic (OCaml 5.x, runtime/domain.c and memory.c) on a single domain.
--
-- An 'a Atomic.t is a mutable block { 0, v } (Atomic.make is %makemutable);
-- the operations are plain reads and writes. compare_and_set compares with
-- physical equality, like the generated code's `==`. OCaml 5.4's atomic record
-- fields (Atomic.Loc, [@atomic]) use the *_field variants on field i of a
-- block (Lua index i + 2).

--Provides: caml_atomic_load
function P.caml_atomic_load(r)
  return r[2]
end

--Provides: caml_atomic_exchange
function P.caml_atomic_exchange(r, v)
  local old = r[2]
  r[2] = v
  return old
end

--Provides: caml_atomic_cas
function P.caml_atomic_cas(r, old, new)
  if r[2] == old then
    r[2] = new
    return 1
  end
  return 0
end

--Provides: caml_atomic_fetch_add
--Requires: caml_int_wrap
function P.caml_atomic_fetch_add(r, n)
  local old = r[2]
  r[2] = P.caml_int_wrap(old + n)
  return old
end

--Provides: caml_atomic_make_contended
function P.caml_atomic_make_contended(v)
  return { 0, v }
end

--Provides: caml_atomic_load_field
function P.caml_atomic_load_field(b, i)
  return b[i + 2]
end

--Provides: caml_atomic_exchange_field
function P.caml_atomic_exchange_field(b, i, v)
  local old = b[i + 2]
  b[i + 2] = v
  return old
end

--Provides: caml_atomic_cas_field
function P.caml_atomic_cas_field(b, i, old, new)
  if b[i + 2] == old then
    b[i + 2] = new
    return 1
  end
  return 0
end

--Provides: caml_atomic_compare_exchange_field
-- Returns the value seen (the new value was stored when it equals `old`).
function P.caml_atomic_compare_exchange_field(b, i, old, new)
  local cur = b[i + 2]
  if cur == old then b[i + 2] = new end
  return cur
end

--Provides: caml_atomic_compare_exchange
function P.caml_atomic_compare_exchange(r, old, new)
  local cur = r[2]
  if cur == old then r[2] = new end
  return cur
end

--Provides: caml_atomic_fetch_add_field
--Requires: caml_int_wrap
function P.caml_atomic_fetch_add_field(b, i, n)
  local old = b[i + 2]
  b[i + 2] = P.caml_int_wrap(old + n)
  return old
end

--Provides: caml_atomic_add, caml_atomic_sub, caml_atomic_add_field, caml_atomic_sub_field
--Requires: caml_int_wrap
function P.caml_atomic_add(r, n)
  r[2] = P.caml_int_wrap(r[2] + n)
  return 0
end
function P.caml_atomic_sub(r, n)
  r[2] = P.caml_int_wrap(r[2] - n)
  return 0
end
function P.caml_atomic_add_field(b, i, n)
  b[i + 2] = P.caml_int_wrap(b[i + 2] + n)
  return 0
end
function P.caml_atomic_sub_field(b, i, n)
  b[i + 2] = P.caml_int_wrap(b[i + 2] - n)
  return 0
end

--Provides: caml_atomic_land, caml_atomic_lor, caml_atomic_lxor, caml_atomic_land_field, caml_atomic_lor_field, caml_atomic_lxor_field
--Requires: caml_int_and, caml_int_or, caml_int_xor
function P.caml_atomic_land(r, n)
  r[2] = P.caml_int_and(r[2], n)
  return 0
end
function P.caml_atomic_lor(r, n)
  r[2] = P.caml_int_or(r[2], n)
  return 0
end
function P.caml_atomic_lxor(r, n)
  r[2] = P.caml_int_xor(r[2], n)
  return 0
end
function P.caml_atomic_land_field(b, i, n)
  b[i + 2] = P.caml_int_and(b[i + 2], n)
  return 0
end
function P.caml_atomic_lor_field(b, i, n)
  b[i + 2] = P.caml_int_or(b[i + 2], n)
  return 0
end
function P.caml_atomic_lxor_field(b, i, n)
  b[i + 2] = P.caml_int_xor(b[i + 2], n)
  return 0
end
