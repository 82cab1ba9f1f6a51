(* Functors: user-defined functors, functor application, generative-style state, functors with multiple arguments *)
module type ORDERED = sig type t val compare : t -> t -> int val show : t -> string end

module MakeSorted (O : ORDERED) = struct
  type t = O.t list
  let empty = []
  let rec add x = function [] -> [ x ] | y :: r as l -> if O.compare x y <= 0 then x :: l else y :: add x r
  let of_list l = List.fold_left (fun acc x -> add x acc) empty l
  let show l = "[" ^ String.concat " " (List.map O.show l) ^ "]"
end

module Int_ord = struct type t = int let compare = compare let show = string_of_int end
module Rev_string = struct type t = string let compare a b = compare b a let show s = s end

module SI = MakeSorted (Int_ord)
module SS = MakeSorted (Rev_string)

module type MONOID = sig type t val zero : t val plus : t -> t -> t end
module Sum (M : MONOID) = struct let sum l = List.fold_left M.plus M.zero l end
module Pair (A : MONOID) (B : MONOID) : MONOID with type t = A.t * B.t = struct
  type t = A.t * B.t
  let zero = (A.zero, B.zero)
  let plus (a1, b1) (a2, b2) = (A.plus a1 a2, B.plus b1 b2)
end
module IntAdd = struct type t = int let zero = 0 let plus = ( + ) end
module StrCat = struct type t = string let zero = "" let plus = ( ^ ) end
module P = Pair (IntAdd) (StrCat)
module PS = Sum (P)

module Counter () = struct let c = ref 0 let next () = incr c; !c end
module C1 = Counter ()
module C2 = Counter ()

module type SHOW = sig type t val show : t -> string end
module ListShow (S : SHOW) = struct type t = S.t list let show l = "<" ^ String.concat "," (List.map S.show l) ^ ">" end
module LLS = ListShow (ListShow (Int_ord))

let () =
  print_endline (SI.show (SI.of_list [ 5; 2; 8; 1; 9; 3 ]));
  print_endline (SS.show (SS.of_list [ "b"; "d"; "a"; "c" ]));
  let n, s = PS.sum [ (1, "a"); (2, "b"); (3, "c") ] in
  Printf.printf "%d %s\n" n s;
  ignore (C1.next ()); ignore (C1.next ());
  Printf.printf "C1=%d C2=%d\n" (C1.next ()) (C2.next ());
  print_endline (LLS.show [ [ 1; 2 ]; []; [ 3 ] ]);
  let module Local = MakeSorted (struct type t = float let compare = compare let show = Printf.sprintf "%.1f" end) in
  print_endline (Local.show (Local.of_list [ 2.5; -1.; 0. ]))
