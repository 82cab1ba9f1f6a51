(* Closures and higher-order code: CPS, composition, currying, partial application. *)
(* bench: quick=400 *)
let rec fib_cps n k = if n < 2 then k n else fib_cps (n - 1) (fun a -> fib_cps (n - 2) (fun b -> k (a + b)))

let compose f g x = f (g x)

let rec repeat n f = if n = 0 then fun x -> x else compose f (repeat (n - 1) f)

let add a b = a + b
let mul3 a b c = (a * b) + c

let rec sum_cps l k = match l with [] -> k 0 | x :: r -> sum_cps r (fun s -> k (s + x))

let church n = fun f x -> let r = ref x in for _ = 1 to n do r := f !r done; !r

let () =
  let n = if Array.length Sys.argv > 1 then int_of_string Sys.argv.(1) else 7000 in
  let s = ref 0 in
  let l = List.init 1000 (fun i -> i) in
  for it = 1 to n do
    s := !s + fib_cps 16 (fun x -> x);
    let f = repeat 50 (add it) in
    s := !s + f 0;
    let g = List.fold_left (fun acc k -> compose acc (mul3 k 1)) (fun x -> x land 0xFFFF) [ 1; 2; 3; 4; 5; 6; 7; 8 ] in
    for i = 0 to 200 do s := !s + g i done;
    s := !s + sum_cps l (fun x -> x);
    let adders = List.map (fun k -> add k) l in
    s := !s + List.fold_left (fun acc f -> f acc land 0xFFFFF) 0 adders;
    s := !s + church 100 (fun x -> x + 3) it;
    s := !s land 0x3FFFFFFF
  done;
  Printf.printf "closures checksum = %d\n" !s
