(* unix_time: Unix dates (gmtime of fixed timestamps, localtime/mktime round trips and normalisation), error codes and messages, Unix_error from an unsupported call, inet addresses, sleepf, stat and directories *)
let pr_tm tm =
  let open Unix in
  Printf.printf "%04d-%02d-%02d %02d:%02d:%02d wday=%d yday=%d dst=%b\n"
    (tm.tm_year + 1900) (tm.tm_mon + 1) tm.tm_mday tm.tm_hour tm.tm_min tm.tm_sec
    tm.tm_wday tm.tm_yday tm.tm_isdst

let same_tm a b =
  let open Unix in
  a.tm_sec = b.tm_sec && a.tm_min = b.tm_min && a.tm_hour = b.tm_hour
  && a.tm_mday = b.tm_mday && a.tm_mon = b.tm_mon && a.tm_year = b.tm_year
  && a.tm_wday = b.tm_wday && a.tm_yday = b.tm_yday

let show_error f =
  try f (); print_endline "no error"
  with Unix.Unix_error (e, fn, arg) ->
    Printf.printf "Unix_error in %s(%s): %s\n" fn arg (Unix.error_message e)

let () =
  print_endline "-- gmtime";
  List.iter (fun t -> pr_tm (Unix.gmtime t))
    [ 0.; 1.5; -1.; -1.5; 86399.; 86400.; 951782400.; 951868800.; 1000000000.;
      1234567890.; 2147483647.; 2147483648.; 4102444800.; -2208988800.; 1e10;
      -62135596800.; 253402300799. ];
  print_endline "-- localtime and mktime";
  List.iter (fun t ->
      let tm = Unix.localtime t in
      let t', tm' = Unix.mktime tm in
      Printf.printf "%.0f: round trip %b, same record %b\n" t (t' = t) (same_tm tm tm'))
    [ 0.; 86400.; 951782400.; 1234567890.; 1700000000. ];
  (* out-of-range fields are normalised; wday and yday are recomputed *)
  let base = { Unix.tm_sec = 0; tm_min = 0; tm_hour = 12; tm_mday = 15; tm_mon = 5;
               tm_year = 101; tm_wday = 0; tm_yday = 0; tm_isdst = false } in
  let t0, tm0 = Unix.mktime base in
  pr_tm tm0;
  List.iter (fun tm ->
      let t, n = Unix.mktime tm in
      Printf.printf "%+.0f days: " ((t -. t0) /. 86400.);
      pr_tm n)
    [ { base with Unix.tm_mday = 31 + 15 };
      { base with Unix.tm_mon = 13 };
      { base with Unix.tm_mday = 0 };
      { base with Unix.tm_mon = -1 };
      { base with Unix.tm_mday = 366 } ];
  let _, tm = Unix.mktime { base with Unix.tm_sec = 3661 } in
  pr_tm tm;
  print_endline "-- errors";
  (* unsupported here (ENOSYS), ESRCH under ocamlrun: only the function is printed *)
  (try Unix.kill 999999999 0 with Unix.Unix_error (_, fn, arg) ->
     Printf.printf "kill: Unix_error in %s(%s)\n" fn arg);
  show_error (fun () -> ignore (Unix.stat "no/such/file"));
  show_error (fun () -> Unix.rmdir "no_such_directory");
  show_error (fun () -> ignore (Unix.opendir "no_such_directory"));
  print_endline (Printexc.to_string (Unix.Unix_error (Unix.ENOSYS, "fork", "")));
  print_endline (Printexc.to_string (Unix.Unix_error (Unix.EUNKNOWNERR 99, "f", "x")));
  List.iter (fun e -> print_endline (Unix.error_message e))
    [ Unix.E2BIG; Unix.EACCES; Unix.EAGAIN; Unix.EWOULDBLOCK; Unix.ENOENT;
      Unix.ENOSYS; Unix.ENOTEMPTY; Unix.ECONNREFUSED; Unix.ELOOP; Unix.EOVERFLOW;
      Unix.EUNKNOWNERR 1000 ];
  print_endline "-- inet addresses";
  List.iter (fun s ->
      match Unix.inet_addr_of_string s with
      | a -> Printf.printf "%s -> %s\n" s (Unix.string_of_inet_addr a)
      | exception Failure m -> Printf.printf "%s: Failure %s\n" s m)
    [ "0.0.0.0"; "127.0.0.1"; "192.168.1.254"; "::"; "::1"; "1::"; "fe80::1:2";
      "::ffff:1.2.3.4"; "::1.2.3.4"; "1:0:0:2:0:0:0:3"; "1:0:0:2:0:0:3:4";
      "2001:DB8::8:800:200C:417A"; "1:2:3:4:5:6:7:8"; "1:2:3:4:5:6:1.2.3.4";
      "::0:0:1"; "01.2.3.4"; "256.1.1.1"; "1.2.3"; "1:2:3:4:5:6:7:8:9"; "1::2::3";
      "abc"; "" ];
  Printf.printf "%s %s\n" (Unix.string_of_inet_addr Unix.inet_addr_loopback)
    (Unix.string_of_inet_addr Unix.inet6_addr_any);
  print_endline "-- clocks";
  let t1 = Unix.gettimeofday () in
  Unix.sleepf 0.05;
  Unix.sleep 0;
  let t2 = Unix.gettimeofday () in
  Printf.printf "monotonic %b, recent %b\n" (t2 >= t1) (Unix.time () > 1.6e9);
  print_endline "-- files";
  let st = Unix.stat "main.ml" in
  Printf.printf "main.ml: size %d regular %b\n" st.Unix.st_size (st.Unix.st_kind = Unix.S_REG);
  let st = Unix.LargeFile.lstat "main.ml" in
  Printf.printf "main.ml: size %Ld\n" st.Unix.LargeFile.st_size;
  Unix.mkdir "unix_time_dir" 0o755;
  show_error (fun () -> Unix.mkdir "unix_time_dir" 0o755);
  Printf.printf "directory %b\n" ((Unix.stat "unix_time_dir").Unix.st_kind = Unix.S_DIR);
  let d = Unix.opendir "unix_time_dir" in
  let rec names acc = match Unix.readdir d with
    | n -> names (n :: acc)
    | exception End_of_file -> List.sort compare acc in
  print_endline (String.concat " " (names []));
  Unix.rewinddir d;
  print_endline (String.concat " " (names []));
  Unix.closedir d;
  show_error (fun () -> Unix.closedir d);
  Unix.chdir "unix_time_dir";
  Printf.printf "cwd ends with dir: %b\n"
    (Filename.basename (Unix.getcwd ()) = "unix_time_dir");
  Unix.chdir "..";
  Unix.rmdir "unix_time_dir";
  Printf.printf "removed %b\n" (not (Sys.file_exists "unix_time_dir"))
