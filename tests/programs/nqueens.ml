(* Algorithmic workload: N-queens solution counts by backtracking with arrays, and the first solution for N=8 *)
let solve n =
  let cols = Array.make n false and d1 = Array.make (2 * n) false and d2 = Array.make (2 * n) false in
  let pos = Array.make n 0 in
  let count = ref 0 and first = ref None in
  let rec place r =
    if r = n then begin incr count; if !first = None then first := Some (Array.copy pos) end
    else
      for c = 0 to n - 1 do
        if not (cols.(c) || d1.(r + c) || d2.(r - c + n)) then begin
          cols.(c) <- true; d1.(r + c) <- true; d2.(r - c + n) <- true; pos.(r) <- c;
          place (r + 1);
          cols.(c) <- false; d1.(r + c) <- false; d2.(r - c + n) <- false
        end
      done
  in
  place 0;
  (!count, !first)

let () =
  for n = 1 to 8 do Printf.printf "n=%d solutions=%d\n" n (fst (solve n)) done;
  match snd (solve 8) with
  | Some p -> Array.iter (fun c -> print_endline (String.init 8 (fun i -> if i = c then 'Q' else '.'))) p
  | None -> ()
