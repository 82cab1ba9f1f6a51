(* Stack and Queue: push/pop/top/peek/length/is_empty/iter/fold/transfer/copy, BFS with a Queue, balanced parens with a Stack *)
let balanced s =
  let st = Stack.create () in
  try
    String.iter
      (fun c ->
        match c with
        | '(' | '[' | '{' -> Stack.push c st
        | ')' | ']' | '}' ->
            let o = Stack.pop st in
            if not ((o = '(' && c = ')') || (o = '[' && c = ']') || (o = '{' && c = '}')) then raise Exit
        | _ -> ())
      s;
    Stack.is_empty st
  with Stack.Empty | Exit -> false

let () =
  let s = Stack.create () in
  List.iter (fun x -> Stack.push x s) [ 1; 2; 3; 4 ];
  Printf.printf "top=%d len=%d\n" (Stack.top s) (Stack.length s);
  let a = Stack.pop s in
  let b = Stack.pop s in
  Printf.printf "popped %d %d len=%d\n" a b (Stack.length s);
  Stack.iter (fun x -> Printf.printf "%d " x) s;
  print_newline ();
  Printf.printf "fold=%d pop_opt=%s\n" (Stack.fold ( + ) 0 s) (match Stack.pop_opt (Stack.create ()) with None -> "None" | Some _ -> "Some");
  let c = Stack.copy s in
  Stack.clear s;
  Printf.printf "cleared=%b copy_len=%d\n" (Stack.is_empty s) (Stack.length c);
  List.iter (fun str -> Printf.printf "%s -> %b\n" str (balanced str)) [ "([]{})"; "(]"; "(("; "a(b)c[d{e}]"; ")"; "" ];
  let q = Queue.create () in
  List.iter (fun x -> Queue.add x q) [ "a"; "b"; "c" ];
  Queue.push "d" q;
  Printf.printf "peek=%s len=%d\n" (Queue.peek q) (Queue.length q);
  let x = Queue.take q in
  Printf.printf "take=%s\n" x;
  Queue.iter (fun s -> print_string s) q;
  print_newline ();
  let q2 = Queue.create () in
  Queue.add "z" q2;
  Queue.transfer q q2;
  Printf.printf "after transfer q=%d q2=%d fold=%s\n" (Queue.length q) (Queue.length q2) (Queue.fold ( ^ ) "" q2);
  (* BFS on a small graph *)
  let adj = [| [ 1; 2 ]; [ 3 ]; [ 3; 4 ]; [ 5 ]; [ 5 ]; [] |] in
  let dist = Array.make 6 (-1) in
  let bq = Queue.create () in
  dist.(0) <- 0;
  Queue.add 0 bq;
  while not (Queue.is_empty bq) do
    let u = Queue.pop bq in
    List.iter (fun v -> if dist.(v) < 0 then begin dist.(v) <- dist.(u) + 1; Queue.add v bq end) adj.(u)
  done;
  Array.iteri (fun i d -> Printf.printf "%d:%d " i d) dist;
  print_newline ();
  Printf.printf "take_opt=%s\n" (match Queue.take_opt (Queue.create ()) with None -> "None" | Some s -> s);
  let big = Queue.create () in
  for i = 1 to 100000 do Queue.add i big done;
  let sum = ref 0 in
  while not (Queue.is_empty big) do sum := (!sum + Queue.pop big) mod 1000007 done;
  Printf.printf "sum=%d\n" !sum
