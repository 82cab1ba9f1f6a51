(* unix_process: Unix.system, open_process_in/out, open_process, open_process_full, open_process_args_in, create_process with pipes, files and the program's own descriptors, waitpid statuses, Unix.pipe, Sys.command, a missing program *)
let status = function
  | Unix.WEXITED n -> Printf.sprintf "WEXITED %d" n
  | Unix.WSIGNALED n -> Printf.sprintf "WSIGNALED %d" n
  | Unix.WSTOPPED n -> Printf.sprintf "WSTOPPED %d" n

let say fmt = Printf.ksprintf (fun s -> print_endline s; flush stdout) fmt

let rec lines ic acc =
  match input_line ic with l -> lines ic (l :: acc) | exception End_of_file -> List.rev acc

let read_file name =
  let ic = open_in_bin name in
  let s = really_input_string ic (in_channel_length ic) in
  close_in ic;
  s

let () =
  (* the child writes to the program's standard output *)
  say "system:";
  say "%s" (status (Unix.system "echo hello from sh; exit 3"));
  say "%s" (status (Unix.system "kill -TERM $$"));
  say "%s" (status (Unix.system "exit 200"));
  say "%s" (status (Unix.system "echo to stderr >&2; echo to stdout"));
  say "Sys.command %d" (Sys.command "echo from Sys.command; exit 6");
  (* the child's output through a pipe *)
  let ic = Unix.open_process_in "printf 'a\\nb\\nc'; exit 4" in
  let l1 = input_line ic in
  let rest = really_input_string ic 3 in
  say "read %S %S" l1 rest;
  (match input_line ic with _ -> say "more?" | exception End_of_file -> say "eof");
  say "%s" (status (Unix.close_process_in ic));
  let ic = Unix.open_process_in "i=0; while [ $i -lt 3000 ]; do echo line $i; i=$((i+1)); done" in
  let l = lines ic [] in
  say "%d lines, last %S" (List.length l) (List.nth l 2999);
  say "%s" (status (Unix.close_process_in ic));
  (* the child reads a pipe *)
  let oc = Unix.open_process_out "tr a-z A-Z; exit 5" in
  output_string oc "shout\n";
  say "%s" (status (Unix.close_process_out oc));
  let ic = Unix.open_process_args_in "/bin/echo" [| "echo"; "x y"; "$HOME"; "'q'" |] in
  say "args: %s" (input_line ic);
  say "%s" (status (Unix.close_process_in ic));
  (* both directions *)
  let ic, oc = Unix.open_process "sort -r" in
  output_string oc "b\na\nc\n";
  close_out oc;
  say "sorted: %s" (String.concat "," (lines ic []));
  say "%s" (status (Unix.close_process (ic, oc)));
  let ic, oc, ec = Unix.open_process_full "cat; echo err >&2; exit 2" [| "A=1" |] in
  output_string oc "full\n";
  close_out oc;
  let out = input_line ic in
  let err = input_line ec in
  say "out %S err %S" out err;
  say "%s" (status (Unix.close_process_full (ic, oc, ec)));
  (* create_process: files, environment, waitpid *)
  let fd = Unix.openfile "out.txt" [ Unix.O_WRONLY; Unix.O_CREAT; Unix.O_TRUNC ] 0o644 in
  let pid = Unix.create_process "sh" [| "sh"; "-c"; "echo to file; echo and stderr >&2" |]
      Unix.stdin fd fd in
  let p, st = Unix.waitpid [] pid in
  say "waited same pid %b %s" (p = pid) (status st);
  ignore (Unix.write_substring fd "after\n" 0 6);
  Unix.close fd;
  say "file: %S" (read_file "out.txt");
  let fd = Unix.openfile "out.txt" [ Unix.O_RDONLY ] 0 in
  let pid = Unix.create_process "tr" [| "tr"; "a-z"; "A-Z" |] fd Unix.stdout Unix.stderr in
  say "%s" (status (snd (Unix.waitpid [] pid)));
  Unix.close fd;
  let pid = Unix.create_process_env "sh" [| "sh"; "-c"; "echo A=$A B=$B" |] [| "A=1"; "B=two" |]
      Unix.stdin Unix.stdout Unix.stderr in
  say "%s" (status (snd (Unix.wait ())));
  ignore pid;
  (* a pipe connecting the program to a child started by create_process *)
  let r, w = Unix.pipe () in
  let pid = Unix.create_process "sh" [| "sh"; "-c"; "echo via pipe; exit 9" |] Unix.stdin w Unix.stderr in
  Unix.close w;
  let ic = Unix.in_channel_of_descr r in
  say "pipe: %s" (String.concat "," (lines ic []));
  close_in ic;
  say "%s" (status (snd (Unix.waitpid [] pid)));
  (match Unix.waitpid [] pid with
   | _ -> say "waited twice?"
   | exception Unix.Unix_error (e, f, _) -> say "%s: %s" f (Unix.error_message e));
  (* errors *)
  (try ignore (Unix.create_process "no_such_program_xyz" [| "x" |] Unix.stdin Unix.stdout Unix.stderr)
   with Unix.Unix_error (e, f, a) -> say "%s %s: %s" f a (Unix.error_message e));
  (* a pipe inside the program *)
  let r, w = Unix.pipe () in
  ignore (Unix.write_substring w "pipe data" 0 9);
  let b = Bytes.create 20 in
  let n = Unix.read r b 0 4 in
  let m = Unix.read r b n (20 - n) in
  say "pipe read %d %d %S" n m (Bytes.sub_string b 0 (n + m));
  say "kind %b" ((Unix.fstat r).Unix.st_kind = Unix.S_FIFO);
  Unix.close w;
  say "pipe eof %d" (Unix.read r b 0 20);
  Unix.close r;
  (* the children run in the program's directory *)
  Unix.mkdir "sub" 0o755;
  Sys.chdir "sub";
  close_out (open_out "marker");
  say "%s" (status (Unix.system "test -f marker"));
  let ic = Unix.open_process_in "ls" in
  say "ls: %s" (String.concat "," (lines ic []));
  ignore (Unix.close_process_in ic);
  Sys.remove "marker";
  Sys.chdir "..";
  Unix.rmdir "sub";
  Sys.remove "out.txt";
  say "end"
