(* Exports for the Lua interop round trips (tests/nvim/lua/interop_check.lua). *)

open Lua

exception My_error of int

let () =
  Printexc.register_printer (function My_error n -> Some (Printf.sprintf "My_error %d" n) | _ -> None)

let id v = v
let counter = ref 0

let () =
  counter := 41;
  export "init_ran" (of_int (!counter + 1));
  export "argv0" (of_string Sys.argv.(0));
  export "argc" (of_int (Array.length Sys.argv));
  (* conversions both ways *)
  export "echo_string" (fn1 (fun v -> of_string (to_string v)));
  export "shout" (fn1 (fun v -> of_string (String.uppercase_ascii (to_string v) ^ "!")));
  export "echo_int" (fn1 (fun v -> of_int (to_int v)));
  export "add_ints" (fn2 (fun a b -> of_int (to_int a + to_int b)));
  export "half" (fn1 (fun v -> of_float (to_float v /. 2.)));
  export "negate" (fn1 (fun v -> of_bool (not (to_bool v))));
  export "truthy" (fn1 (fun v -> of_bool (truthy v)));
  export "opt_succ" (fn1 (fun v -> of_option (fun n -> of_int (n + 1)) (to_option to_int v)));
  export "rev_list" (fn1 (fun v -> of_list of_int (List.rev (to_list to_int v))));
  export "array_sum" (fn1 (fun v -> of_float (Array.fold_left ( +. ) 0. (to_array to_float v))));
  export "assoc_keys"
    (fn1 (fun v -> of_string (String.concat "," (List.sort compare (List.map fst (to_assoc id v))))));
  export "make_table"
    (fn0 (fun () ->
         table
           [ ("name", of_string "ocaml"); ("n", of_int 3); ("ok", of_bool true);
             ("items", of_list of_string [ "x"; "y" ]); ("none", of_option of_int None) ]));
  export "of_assoc" (fn0 (fun () -> of_assoc of_int [ ("a", 1); ("b", 2) ]));
  export "typeof" (fn1 (fun v -> of_string (typeof v)));
  export "is_nil" (fn1 (fun v -> of_bool (is_nil v)));
  export "nil_in_tuple"
    (fn1 (fun v ->
         let pair = (v, 1) in
         of_bool (is_nil (fst pair) && snd pair = 1)));
  export "pairs_count" (fn1 (fun t -> of_int (List.length (pairs t))));
  export "length" (fn1 (fun t -> of_int (length t)));
  export "get_set"
    (fn1 (fun t ->
         set_field t "added" (of_string "yes");
         set t (of_int 10) (of_string "ten");
         set_index t 1 (of_string "first");
         set_field t "gone" nil;
         of_string (to_string (field t "added") ^ to_string (get t (of_int 10)) ^ to_string (index t 1))));
  export "path" (fn1 (fun t -> path t [ "a"; "b"; "c" ]));
  (* calls *)
  export "count_args" (fnv (fun a -> of_int (Array.length a)));
  export "sum_all" (fnv (fun a -> of_int (Array.fold_left (fun s v -> s + to_int v) 0 a)));
  export "nil_args" (fn3 (fun a b c -> of_string (typeof a ^ typeof b ^ typeof c)));
  export "five" (fn5 (fun a b c d e -> of_int (to_int a + to_int b + to_int c + to_int d + to_int e)));
  export "apply" (fn2 (fun f x -> call f [| x |]));
  export "apply_nil" (fn1 (fun f -> call f [| nil; of_int 2 |]));
  export "multi" (fn1 (fun f -> of_int (Array.length (call_multi f [||]))));
  export "multi_second" (fn1 (fun f -> (call_multi f [||]).(1)));
  export "method" (fn1 (fun o -> call_method o "get" [| of_int 5 |]));
  export "global_type" (fn1 (fun name -> of_string (typeof (global (to_string name)))));
  export "call_global" (fn0 (fun () -> call_global "tostring" [| of_int 12 |]));
  export "require_field" (fn2 (fun m f -> field (require (to_string m)) (to_string f)));
  export "counter"
    (fn0 (fun () ->
         let n = ref 0 in
         fn0 (fun () -> incr n; of_int !n)));
  export "curried" (fn2 (fun a -> let x = to_int a in fun b -> of_int (x * to_int b)));
  export "partial" (fn2 (( fun k a b -> of_int (k + to_int a + to_int b)) 100));
  export "eval" (fn1 (fun code -> Unsafe.eval (to_string code)));
  export "equal" (fn2 (fun a b -> of_bool (equal a b)));
  export "to_int" (fn1 (fun v -> of_int (to_int v)));
  (* errors *)
  export "fail" (fn1 (fun v -> failwith (to_string v)));
  export "not_found" (fn0 (fun () -> raise Not_found));
  export "my_error" (fn1 (fun v -> raise (My_error (to_int v))));
  export "lua_error" (fn1 (fun v -> error v));
  export "pass_through" (fn1 (fun f -> call f [||]));
  export "catch_lua"
    (fn1 (fun f -> try ignore (call f [||]); of_string "no error" with Failure m -> of_string ("caught: " ^ m)));
  export "type_error"
    (fn1 (fun v -> try ignore (to_int v); of_string "no error" with Invalid_argument m -> of_string m));
  export "index_nil"
    (fn0 (fun () -> try ignore (field nil "x"); of_string "no error" with Invalid_argument m -> of_string m));
  export "call_nil"
    (fn0 (fun () -> try ignore (call nil [||]); of_string "no error" with Invalid_argument m -> of_string m));
  export "exit_code" (fn1 (fun v -> exit (to_int v)));
  export "deep"
    (fn1 (fun v ->
         let rec sum n = if n = 0 then 0 else n + sum (n - 1) in
         of_int (sum (to_int v))));
  export "print" (fn1 (fun v -> print_string (to_string v); of_int 0));
  export_all (table [ ("from_all", of_int 7) ]);
  export "exports_is_table" (of_bool (typeof (exports ()) = "table"))
