"""Conformance under other OCaml versions: every program of tests/programs built by
OCaml 4.14 and 5.3 (scripts/build-ocaml.sh, built once into ~/.cache/lua_of_ocaml/ocaml) behaves
as under that version's ocamlrun, on the three targets through lupa.

It also runs OCaml 5 runtime programs (domains, atomics, mutexes, Random, BLAKE2,
...) against ocamlrun 5.3. Run with `pytest -m ocaml_versions -n 2 --dist loadgroup`
(the first run builds both compilers, 2.5-5 minutes each). docs/ocaml5.md lists
what is supported and what fails.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import (CACHE, ROOT, RUN_TIMEOUT, TARGETS, _locked, all_programs, compiled_lua,
                      ocaml_bin, run_lupa, run_native, separately_linked_lua, tool_digest)
from test_programs import _check

VERSIONS = ("4.14", "5.3")
PROGRAMS = all_programs()

# (version, program) -> why the program cannot be checked under that version.
# Only for programs whose source or expected output depends on the version in a
# way the Lua side cannot follow; a failure of lua_of_ocaml is never listed here.
SKIP: dict[tuple[str, str], str] = {}

pytestmark = [pytest.mark.slow, pytest.mark.ocaml_versions]


def _ensure(version: str):
    """The bin directory of `version`, built on first use (cached in ~/.cache/lua_of_ocaml/ocaml)."""
    missing = [t for t in ("make", "cc") if shutil.which(t) is None]
    if missing and not _built(version):
        pytest.skip(f"building OCaml {version} needs {', '.join(missing)}")
    return ocaml_bin(version)


def _built(version: str) -> bool:
    cache = Path(os.environ.get("OCAML_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or
                                                       Path.home() / ".cache") / "lua_of_ocaml" / "ocaml")
    return any(cache.glob(f"ocaml-{version}.*/.lua_of_ocaml-complete"))


def _params():
    out = []
    for v in VERSIONS:
        for n in PROGRAMS:
            marks = [pytest.mark.xdist_group(f"{v}-{n}")]
            if (v, n) in SKIP:
                marks.append(pytest.mark.skip(reason=SKIP[v, n]))
            out.append(pytest.param(v, n, marks=marks, id=f"{v}-{n}"))
    return out


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("version,name", _params())
def test_program_version_lupa(version: str, name: str, target: str) -> None:
    _ensure(version)
    lua, ref = compiled_lua(name, target, version)
    _check(run_lupa(lua, target, name), ref)


@pytest.mark.parametrize("version,name", _params())
def test_program_version_separately_compiled(version: str, name: str) -> None:
    """Separate compilation of that version's .cmo files and standard library (LuaJIT)."""
    _ensure(version)
    lua, ref = separately_linked_lua(name, "luajit", version)
    _check(run_native(lua, "luajit", name), ref)


@pytest.mark.parametrize("version", VERSIONS)
def test_compiler_version(version: str) -> None:
    """The built compiler reports the version it was built for."""
    b = _ensure(version)
    out = subprocess.run([str(b / "ocamlc"), "-version"], capture_output=True, text=True).stdout
    assert out.startswith(version + "."), out


# The OCaml 5 runtime (runtime/lua/domain.lua, atomic.lua, sync.lua, lxm.lua,
# blake2.lua, stdlib5.lua): programs built by OCaml 5.3, compared with its
# ocamlrun. They print nothing that depends on scheduling.
OCAML5_PROGRAMS = {
    "domains": r'''(* Domain, DLS, Atomic, Mutex, Condition, Semaphore on one domain *)
let () =
  Printf.printf "self=%d main=%b count>=1 %b\n" (Domain.self () :> int) (Domain.is_main_domain ())
    (Domain.recommended_domain_count () >= 1);
  let key = Domain.DLS.new_key (fun () -> 10) in
  Printf.printf "dls=%d\n" (Domain.DLS.get key);
  Domain.DLS.set key 11;
  let counter = Atomic.make 0 in
  let d = Domain.spawn (fun () ->
      Printf.printf "in domain: self=%d main=%b dls=%d\n" (Domain.self () :> int)
        (Domain.is_main_domain ()) (Domain.DLS.get key);
      Domain.DLS.set key 99;
      for _ = 1 to 1000 do Atomic.incr counter done;
      42) in
  let r = Domain.join d in
  Printf.printf "joined %d counter=%d dls=%d self=%d\n" r (Atomic.get counter) (Domain.DLS.get key)
    (Domain.self () :> int);
  let d2 = Domain.spawn (fun () -> failwith "boom") in
  (match Domain.join d2 with
   | _ -> print_endline "no exception"
   | exception Failure m -> Printf.printf "join raised Failure %s\n" m);
  let ds = List.init 4 (fun i -> Domain.spawn (fun () -> i * i)) in
  Printf.printf "squares %s\n" (String.concat "," (List.map (fun d -> string_of_int (Domain.join d)) ds));
  let split = Domain.DLS.new_key ~split_from_parent:(fun x -> x + 1) (fun () -> 0) in
  Domain.DLS.set split 5;
  Printf.printf "split child=%d\n" (Domain.join (Domain.spawn (fun () -> Domain.DLS.get split)));
  Domain.at_exit (fun () -> print_endline "domain at_exit (main)");
  (* Atomic *)
  let a = Atomic.make 5 in
  Printf.printf "cas %b %b get=%d\n" (Atomic.compare_and_set a 5 6) (Atomic.compare_and_set a 5 7) (Atomic.get a);
  Printf.printf "exchange %d get=%d\n" (Atomic.exchange a 10) (Atomic.get a);
  Printf.printf "fetch_and_add %d get=%d\n" (Atomic.fetch_and_add a 5) (Atomic.get a);
  Atomic.decr a; Atomic.set a (Atomic.get a * 2);
  Printf.printf "get=%d\n" (Atomic.get a);
  let m = Atomic.make_contended "x" in
  Atomic.set m "y"; print_endline (Atomic.get m);
  (* Mutex *)
  let mu = Mutex.create () in
  Mutex.lock mu;
  Printf.printf "try_lock held=%b\n" (Mutex.try_lock mu);
  (try Mutex.lock mu with Sys_error e -> Printf.printf "relock: Sys_error %s\n" e);
  Mutex.unlock mu;
  (try Mutex.unlock mu with Sys_error e -> Printf.printf "unlock twice: Sys_error %s\n" e);
  Printf.printf "try_lock free=%b\n" (Mutex.try_lock mu);
  Mutex.unlock mu;
  Printf.printf "protect=%d\n" (Mutex.protect mu (fun () -> 7));
  (try Mutex.protect mu (fun () -> raise Exit) with Exit -> print_endline "protect reraised");
  Printf.printf "after protect try_lock=%b\n" (Mutex.try_lock mu);
  Mutex.unlock mu;
  let c = Condition.create () in
  Condition.signal c; Condition.broadcast c;
  (* Semaphore *)
  let s = Semaphore.Counting.make 2 in
  Semaphore.Counting.acquire s;
  Printf.printf "sem try=%b value=%d\n" (Semaphore.Counting.try_acquire s) (Semaphore.Counting.get_value s);
  Printf.printf "sem try=%b\n" (Semaphore.Counting.try_acquire s);
  Semaphore.Counting.release s; Semaphore.Counting.release s;
  Printf.printf "sem value=%d\n" (Semaphore.Counting.get_value s);
  let b = Semaphore.Binary.make true in
  Semaphore.Binary.acquire b;
  Printf.printf "bin try=%b\n" (Semaphore.Binary.try_acquire b);
  Semaphore.Binary.release b;
  Printf.printf "bin try=%b\n" (Semaphore.Binary.try_acquire b);
  let d = Domain.spawn (fun () ->
      let inner = Domain.spawn (fun () -> (Domain.self_index () > 0, (Domain.self () :> int))) in
      (Domain.self_index () > 0, Domain.join inner)) in
  let (i, (j, id)) = Domain.join d in
  Printf.printf "indexes %d %b %b id %d\n" (Domain.self_index ()) i j id;
  (try Domain.before_first_spawn (fun () -> ()) with Invalid_argument m -> print_endline m);
  print_endline "end"
''',
    "stdlib53": r'''(* OCaml 5.x stdlib: Random (LXM), Dynarray, In/Out_channel, Type, Lazy, String.hash, arrays *)
let () =
  Random.init 42;
  Printf.printf "random %d %d %d\n" (Random.int 1000) (Random.int 1_000_000) (Random.bits ());
  Printf.printf "random64 %Ld %Ld\n" (Random.int64 Int64.max_int) (Random.bits64 ());
  Printf.printf "float %.17g bool %b\n" (Random.float 1.0) (Random.bool ());
  let st = Random.State.make [| 1; 2; 3 |] in
  let l = List.init 10 (fun _ -> Random.State.int st 100) in
  print_endline (String.concat " " (List.map string_of_int l));
  let st2 = Random.State.copy st in
  Printf.printf "copy %d %d\n" (Random.State.int st 1000) (Random.State.int st2 1000);
  let sp = Random.State.split st in
  Printf.printf "split %d %d\n" (Random.State.int sp 1000) (Random.State.int st 1000);
  Printf.printf "int32 %ld nativeint %nd in_range %d\n" (Random.State.int32 st 1000000l)
    (Random.State.nativeint st 1000n) (Random.State.int_in_range st ~min:(-50) ~max:50);
  print_endline (String.escaped (String.sub (Random.State.to_binary_string st) 0 5));
  let a = Array.init 10 (fun i -> i) in
  Random.State.(let s = make [| 7 |] in
    for i = 9 downto 1 do let j = int s (i + 1) in let t = a.(i) in a.(i) <- a.(j); a.(j) <- t done);
  print_endline (String.concat "," (Array.to_list (Array.map string_of_int a)));
  let h = Hashtbl.create ~random:true 16 in
  Hashtbl.replace h "a" 1; Printf.printf "hashtbl %d\n" (Hashtbl.find h "a");
  (* Dynarray *)
  let d = Dynarray.create () in
  for i = 1 to 20 do Dynarray.add_last d (i * i) done;
  Printf.printf "dynarray len=%d last=%d pop=%d len=%d\n" (Dynarray.length d)
    (Dynarray.get_last d) (Dynarray.pop_last d) (Dynarray.length d);
  Dynarray.set d 0 (-1);
  Printf.printf "sum=%d %s\n" (Dynarray.fold_left (+) 0 d)
    (String.concat " " (List.map string_of_int (List.filteri (fun i _ -> i < 5) (Dynarray.to_list d))));
  let fd = Dynarray.of_list [1.5; 2.5] in Dynarray.add_last fd 3.5;
  Printf.printf "floats %s\n" (String.concat " " (List.map string_of_float (Dynarray.to_list fd)));
  (* In_channel / Out_channel *)
  let file = Filename.temp_file "lua_of_ocaml" ".txt" in
  Out_channel.with_open_text file (fun oc ->
      Out_channel.output_string oc "line one\nline two\n";
      Printf.printf "binary_mode=%b\n" (Out_channel.is_binary_mode oc));
  let s = In_channel.with_open_text file In_channel.input_all in
  Printf.printf "read %S\n" s;
  let lines = In_channel.with_open_text file In_channel.input_lines in
  Printf.printf "lines %d\n" (List.length lines);
  In_channel.with_open_bin file (fun ic ->
      let ba = Bigarray.Array1.create Bigarray.char Bigarray.c_layout 8 in
      let n = In_channel.input_bigarray ic ba 0 8 in
      Printf.printf "bigarray read %d: %c%c%c\n" n ba.{0} ba.{1} ba.{5});
  Out_channel.with_open_bin file (fun oc ->
      let ba = Bigarray.Array1.init Bigarray.char Bigarray.c_layout 5 (fun i -> Char.chr (65 + i)) in
      Out_channel.output_bigarray oc ba 1 3);
  Printf.printf "after output_bigarray %S\n" (In_channel.with_open_bin file In_channel.input_all);
  Printf.printf "regular %b\n" (Sys.is_regular_file file);
  Sys.remove file;
  (* Type *)
  let module T = Type.Id in
  let i1 : int T.t = T.make () and i2 : int T.t = T.make () in
  Printf.printf "type ids equal %b %b\n" (T.uid i1 = T.uid i1) (Option.is_some (T.provably_equal i1 i2));
  (* Lazy *)
  let lz = lazy (print_endline "forcing"; 5) in
  Printf.printf "lazy %d %d %b\n" (Lazy.force lz) (Lazy.force lz) (Lazy.is_val lz);
  let rec r = lazy (Lazy.force r + 1) in
  (try ignore (Lazy.force r) with Lazy.Undefined -> print_endline "Undefined");
  let le = lazy (failwith "lz") in
  (try ignore (Lazy.force le) with Failure m -> print_endline m);
  (try ignore (Lazy.force le) with Failure m -> print_endline m);
  (* hashes *)
  Printf.printf "hash %d %d %d\n" (String.hash "hello") (String.seeded_hash 17 "hello") (Hashtbl.hash "hello");
  (* arrays *)
  let fa = Float.Array.make 3 1.5 in
  Printf.printf "float array %g %d\n" (Float.Array.get fa 2) (Float.Array.length (Float.Array.append fa fa));
  let aa = Array.make 3 2.5 in
  Printf.printf "array %g %d\n" aa.(1) (Array.length (Array.sub aa 1 2));
  Printf.printf "map_inplace %s\n" (let a = [|1;2;3|] in Array.map_inplace (fun x -> x * 10) a;
                                   String.concat "," (Array.to_list (Array.map string_of_int a)));
  Printf.printf "find_mapi %s\n" (match Array.find_mapi (fun i x -> if x > 1 then Some (i, x) else None) [|0;1;5|] with
      | Some (i, x) -> Printf.sprintf "%d:%d" i x | None -> "none");
  Printf.printf "string %b %s\n" (String.starts_with ~prefix:"ab" "abc") (String.concat "|" (String.split_on_char ',' "a,b"));
  Printf.printf "%s\n" (In_channel.input_line stdin |> Option.value ~default:"<eof>")
''',
    "domain_effects": r'''(* effects inside a spawned domain: handled there, or Unhandled there *)
open Effect
open Effect.Deep
type _ Effect.t += Ask : int Effect.t
let () =
  let r = try_with (fun () ->
      let d = Domain.spawn (fun () ->
          (* handled inside the domain *)
          let x = try_with (fun () -> perform Ask + 1) () { effc = fun (type a) (e : a Effect.t) ->
              match e with Ask -> Some (fun (k : (a, _) continuation) -> continue k 41) | _ -> None } in
          (* not handled inside the domain: Unhandled there *)
          let y = try perform Ask with Effect.Unhandled Ask -> -1 in
          (x, y)) in
      let (x, y) = Domain.join d in
      x + y + perform Ask) ()
      { effc = fun (type a) (e : a Effect.t) ->
          match e with Ask -> Some (fun (k : (a, _) continuation) -> continue k 100) | _ -> None } in
  Printf.printf "%d\n" r
''',
    "blake2": r'''(* Digest.BLAKE2* against ocamlrun *)
let () =
  let inputs = [""; "abc"; String.make 127 'x'; String.make 128 'y'; String.make 129 'z';
                String.init 1000 (fun i -> Char.chr (i mod 256)); String.make 256 '\255'] in
  List.iter (fun s ->
      Printf.printf "%d %s %s %s %s\n" (String.length s)
        (Digest.BLAKE128.to_hex (Digest.BLAKE128.string s))
        (Digest.BLAKE256.to_hex (Digest.BLAKE256.string s))
        (Digest.BLAKE512.to_hex (Digest.BLAKE512.string s))
        (Digest.to_hex (Digest.string s))) inputs;
  let b = Bytes.of_string "hello world, hello blake" in
  print_endline (Digest.BLAKE256.to_hex (Digest.BLAKE256.subbytes b 6 10));
  let file = Filename.temp_file "b2" ".bin" in
  Out_channel.with_open_bin file (fun oc -> for i = 0 to 9999 do output_char oc (Char.chr (i * 7 mod 256)) done);
  print_endline (Digest.BLAKE512.to_hex (Digest.BLAKE512.file file));
  Sys.remove file;
  print_endline (Digest.BLAKE128.to_hex (Digest.BLAKE128.string "twenty"))
''',
}

# What ocamlrun cannot show: with one domain, waiting for another domain raises
# Failure instead of blocking for ever (docs/ocaml5.md).
BLOCKING = r'''let () =
  let m = Mutex.create () in
  let d = Domain.spawn (fun () -> Mutex.lock m; 1) in
  Printf.printf "joined %d\n" (Domain.join d);
  (try Mutex.lock m with Failure msg -> print_endline msg);
  let c = Condition.create () and m2 = Mutex.create () in
  Mutex.lock m2;
  (try Condition.wait c m2 with Failure msg -> print_endline msg);
  let s = Semaphore.Binary.make false in
  (try Semaphore.Binary.acquire s with Failure msg -> print_endline msg);
  Printf.printf "recommended %d\n" (Domain.recommended_domain_count ())
'''
BLOCKING_OUTPUT = (
    "joined 1\n"
    "Mutex.lock: the mutex is held by domain 1, which cannot run again "
    "(lua_of_ocaml runs one domain at a time)\n"
    "Condition.wait: no other domain or thread could ever signal "
    "(lua_of_ocaml runs one domain at a time)\n"
    "Condition.wait: no other domain or thread could ever signal "
    "(lua_of_ocaml runs one domain at a time)\n"
    "recommended 1\n")


def _build5(name: str, source: str, reference: bool = True):
    """Bytecode of an OCaml 5.3 source, ocamlrun's output and the Lua of every target,
    cached in .cache/tests by source and tool digest."""
    from lua_of_ocaml.api import compile_exe_targets, write_atomically
    from lua_of_ocaml.bytecode.exe_file import read_exe
    b = _ensure("5.3")
    d = CACHE / f"ocaml5-{name}-{hashlib.sha256(source.encode()).hexdigest()[:16]}"
    d.mkdir(parents=True, exist_ok=True)
    with _locked(d / ".lock"):
        exe = d / "prog.byte"
        if not exe.exists():
            (d / f"{name}.ml").write_text(source)
            subprocess.run([str(b / "ocamlc"), "-g", f"{name}.ml", "-o", "prog.tmp"], cwd=d, check=True,
                           capture_output=True)
            (d / "prog.tmp").replace(exe)
        ref = d / "ref.out"
        if reference and not ref.exists():
            run = subprocess.run([str(b / "ocamlrun"), str(exe)], cwd=d, capture_output=True,
                                 timeout=RUN_TIMEOUT, stdin=subprocess.DEVNULL)
            assert run.returncode == 0, run.stderr.decode(errors="replace")
            ref.write_bytes(run.stdout)
        lua = {t: d / f"prog.{t}.{tool_digest()}.lua" for t in TARGETS}
        if not all(f.exists() for f in lua.values()):
            for t, res in compile_exe_targets(read_exe(exe), list(TARGETS)).items():
                assert not res.missing_primitives, res.missing_report()
                write_atomically(lua[t], res.lua)
    return lua, (ref.read_bytes() if reference else None)


def _run(lua: Path, target: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lua_of_ocaml.cli", "run", str(lua), "--target", target],
                          cwd=lua.parent, capture_output=True, timeout=RUN_TIMEOUT, input=b"")


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xdist_group(f"ocaml5-{n}"))
                                  for n in sorted(OCAML5_PROGRAMS)])
def test_ocaml5_runtime(name: str, target: str) -> None:
    lua, ref = _build5(name, OCAML5_PROGRAMS[name])
    proc = _run(lua[target], target)
    assert proc.stdout == ref, (proc.stdout.decode("latin-1")[-3000:], proc.stderr.decode("latin-1")[-3000:])
    assert proc.returncode == 0, proc.stderr.decode("latin-1")[-3000:]


@pytest.mark.parametrize("target", TARGETS)
def test_ocaml5_blocking(target: str) -> None:
    lua, _ = _build5("blocking", BLOCKING, reference=False)
    proc = _run(lua[target], target)
    assert proc.stdout.decode() == BLOCKING_OUTPUT, proc.stderr.decode("latin-1")[-3000:]
    assert proc.returncode == 0
