(* Deep non-tail recursion: a 100,000-deep recursive function, List.map and (@) on 100,000-element lists *)
let rec sum_to n = if n = 0 then 0 else (n mod 1000) + sum_to (n - 1)

let rec build n = if n = 0 then [] else n :: build (n - 1)

let rec depth_of_nested n = if n = 0 then 0 else 1 + depth_of_nested (n - 1)

let () =
  Printf.printf "sum_to=%d\n" (sum_to 100_000);
  let l = build 100_000 in
  Printf.printf "build len=%d\n" (List.length l);
  let m = List.map (fun x -> x mod 7) l in
  Printf.printf "map len=%d sum=%d\n" (List.length m) (List.fold_left ( + ) 0 m);
  let a = l @ m in
  Printf.printf "append len=%d sum=%d\n" (List.length a) (List.fold_left (fun acc x -> (acc + x) mod 1000000) 0 a);
  let r = List.fold_right (fun x acc -> (x mod 3) + acc) l 0 in
  Printf.printf "fold_right=%d\n" r;
  Printf.printf "depth=%d\n" (depth_of_nested 100_000);
  let s = String.concat "" (List.map (fun x -> if x mod 10000 = 0 then "*" else "") l) in
  Printf.printf "stars=%s\n" s
