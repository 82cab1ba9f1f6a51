(* Modules: nested modules, signatures with abstract types, include, open, local open M.(...), let module, module aliases *)
module type COUNTER = sig type t val zero : t val incr : t -> t val to_int : t -> int end

module Counter : COUNTER = struct type t = int let zero = 0 let incr n = n + 1 let to_int n = n end

module Base = struct let greet name = "hello " ^ name let version = 1 end
module Extended = struct
  include Base
  let version = version + 1
  let shout name = String.uppercase_ascii (greet name)
end

module Outer = struct
  let x = 10
  module Inner = struct let y = x * 2 module Deepest = struct let z = y + 1 end end
end
module D = Outer.Inner.Deepest

module Vec = struct
  type t = { x : float; y : float }
  let make x y = { x; y }
  let ( + ) a b = { x = a.x +. b.x; y = a.y +. b.y }
  let ( * ) k a = { x = k *. a.x; y = k *. a.y }
  let to_string v = Printf.sprintf "(%g, %g)" v.x v.y
end

let () =
  let c = Counter.(incr (incr (incr zero))) in
  Printf.printf "counter=%d\n" (Counter.to_int c);
  print_endline (Extended.greet "world");
  print_endline (Extended.shout "world");
  Printf.printf "versions %d %d\n" Base.version Extended.version;
  Printf.printf "nested %d %d %d\n" Outer.x Outer.Inner.y D.z;
  print_endline Vec.(to_string ((2. * make 1. 2.) + make 0.5 0.5));
  let open Vec in
  print_endline (to_string (make 3. 4.));
  let module L = List in
  Printf.printf "let module: %d\n" (L.length [ 1; 2; 3 ]);
  let module S = Set.Make (String) in
  Printf.printf "local set: %s\n" (String.concat "," (S.elements (S.of_list [ "b"; "a"; "b" ])))
