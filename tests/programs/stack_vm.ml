(* A tiny stack-machine interpreter: variants for instructions, arrays for code, loops and jumps, computing factorials and a sum *)
type instr = Push of int | Add | Sub | Mul | Dup | Swap | Pop | Jz of int | Jmp of int | Load of int | Store of int | Print | Halt

let run code =
  let stack = Array.make 64 0 and sp = ref 0 and mem = Array.make 8 0 and pc = ref 0 and steps = ref 0 in
  let out = Buffer.create 64 in
  let push v = stack.(!sp) <- v; incr sp and pop () = decr sp; stack.(!sp) in
  let running = ref true in
  while !running do
    incr steps;
    let i = code.(!pc) in
    incr pc;
    match i with
    | Push n -> push n
    | Add -> let b = pop () in let a = pop () in push (a + b)
    | Sub -> let b = pop () in let a = pop () in push (a - b)
    | Mul -> let b = pop () in let a = pop () in push (a * b)
    | Dup -> let a = pop () in push a; push a
    | Swap -> let b = pop () in let a = pop () in push b; push a
    | Pop -> ignore (pop ())
    | Jz t -> if pop () = 0 then pc := t
    | Jmp t -> pc := t
    | Load k -> push mem.(k)
    | Store k -> mem.(k) <- pop ()
    | Print -> Buffer.add_string out (string_of_int (pop ())); Buffer.add_char out ' '
    | Halt -> running := false
  done;
  (Buffer.contents out, !steps)

(* mem0 = n, mem1 = acc; while n != 0 do acc := acc * n; n := n - 1 done; print acc *)
let fact_prog n = [| Push n; Store 0; Push 1; Store 1; Load 0; Jz 15; Load 1; Load 0; Mul; Store 1; Load 0; Push 1; Sub; Store 0; Jmp 4; Load 1; Print; Halt |]

let sum_prog n = [| Push 0; Store 1; Push n; Store 0; Load 0; Jz 15; Load 0; Load 1; Add; Store 1; Load 0; Push 1; Sub; Store 0; Jmp 4; Load 1; Print; Halt |]

let () =
  for n = 0 to 10 do let out, steps = run (fact_prog n) in Printf.printf "fact %d -> %s(%d steps)\n" n out steps done;
  let out, steps = run (sum_prog 10000) in
  Printf.printf "sum 10000 -> %s(%d steps)\n" out steps;
  let out, _ = run [| Push 2; Push 3; Swap; Sub; Dup; Mul; Print; Push 7; Pop; Halt |] in
  print_endline out
