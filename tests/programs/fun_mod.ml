(* Fun module and higher-order helpers: id, const, flip, negate, compose via custom operators, |> and @@ *)
let ( >> ) f g x = g (f x)
let ( << ) f g x = f (g x)

let () =
  Printf.printf "%d %d\n" (Fun.id 5) (Fun.const 7 "ignored");
  Printf.printf "%d\n" (Fun.flip ( - ) 1 10);
  Printf.printf "%b %b\n" (Fun.negate (fun x -> x > 3) 5) (Fun.negate Fun.id false);
  let inc_then_double = (fun x -> x + 1) >> fun x -> x * 2 in
  let double_then_inc = (fun x -> x + 1) << fun x -> x * 2 in
  Printf.printf "%d %d\n" (inc_then_double 5) (double_then_inc 5);
  let r = [ 1; 2; 3; 4; 5 ] |> List.map (fun x -> x * x) |> List.filter (fun x -> x > 4) |> List.fold_left ( + ) 0 in
  Printf.printf "pipeline=%d\n" r;
  print_endline @@ String.concat "-" @@ List.map string_of_int @@ List.rev [ 1; 2; 3 ];
  let pipeline = List.fold_left ( >> ) Fun.id [ succ; succ; ( * ) 3; pred ] in
  Printf.printf "composed=%d\n" (pipeline 0);
  let rec iterate n f x = if n = 0 then x else iterate (n - 1) f (f x) in
  Printf.printf "iterate=%d\n" (iterate 10 (fun x -> x * 2) 1);
  let memo f =
    let h = Hashtbl.create 16 in
    fun x -> match Hashtbl.find_opt h x with Some v -> v | None -> let v = f x in Hashtbl.add h x v; v
  in
  let calls = ref 0 in
  let slow_sq = memo (fun x -> incr calls; x * x) in
  let total = List.fold_left (fun a x -> a + slow_sq x) 0 [ 1; 2; 3; 1; 2; 3; 4 ] in
  Printf.printf "memo total=%d calls=%d\n" total !calls;
  let rec fix f x = f (fix f) x in
  let fact = fix (fun self n -> if n = 0 then 1 else n * self (n - 1)) in
  Printf.printf "fix fact 10=%d\n" (fact 10)
