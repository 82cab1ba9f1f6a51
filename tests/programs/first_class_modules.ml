(* First-class modules: packing, unpacking, modules in lists, choosing implementations at runtime *)
module type SHAPE = sig val name : string val area : float -> float end
module Square : SHAPE = struct let name = "square" let area s = s *. s end
module Circle : SHAPE = struct let name = "circle" let area r = 3.0 *. r *. r end

let shapes : (module SHAPE) list = [ (module Square); (module Circle); (module struct let name = "tri" let area s = s *. s /. 2. end) ]

module type STACK = sig type t val create : unit -> t val push : t -> int -> unit val pop : t -> int option val name : string end
module ListStack : STACK = struct
  type t = int list ref
  let create () = ref []
  let push s x = s := x :: !s
  let pop s = match !s with [] -> None | x :: r -> s := r; Some x
  let name = "list"
end
module ArrStack : STACK = struct
  type t = { mutable a : int array; mutable n : int }
  let create () = { a = Array.make 2 0; n = 0 }
  let push s x =
    if s.n = Array.length s.a then begin let b = Array.make (2 * s.n) 0 in Array.blit s.a 0 b 0 s.n; s.a <- b end;
    s.a.(s.n) <- x; s.n <- s.n + 1
  let pop s = if s.n = 0 then None else (s.n <- s.n - 1; Some s.a.(s.n))
  let name = "array"
end

let exercise (module S : STACK) =
  let s = S.create () in
  for i = 1 to 5 do S.push s (i * i) done;
  let rec drain acc = match S.pop s with None -> List.rev acc | Some x -> drain (x :: acc) in
  Printf.printf "%s: %s\n" S.name (String.concat " " (List.map string_of_int (drain [])))

module type VAL = sig type t val v : t val show : t -> string end
let make_val (type a) (v : a) (show : a -> string) = (module struct type t = a let v = v let show = show end : VAL)

let () =
  List.iter (fun (module S : SHAPE) -> Printf.printf "%s %.2f\n" S.name (S.area 2.)) shapes;
  List.iter exercise [ (module ListStack); (module ArrStack) ];
  let pick n = if n > 0 then (module ListStack : STACK) else (module ArrStack : STACK) in
  let module M = (val pick 0) in
  print_endline M.name;
  let vals = [ make_val 42 string_of_int; make_val "s" (fun s -> s ^ s); make_val [ 1.5 ] (fun l -> string_of_float (List.hd l)) ] in
  List.iter (fun m -> let module V = (val m : VAL) in print_endline (V.show V.v)) vals
