(* A small bytecode virtual machine: instruction array, operand stack, jumps, calls. *)
(* bench: quick=60000 *)
type instr =
  | Push of int
  | Load of int (* local slot *)
  | Store of int
  | AddI
  | SubI
  | MulI
  | ModI
  | LtI
  | Jmp of int
  | Jz of int
  | Call of int (* address *)
  | Ret
  | Halt

let run code nlocals =
  let stack = Array.make 1024 0 and sp = ref 0 in
  let locals = Array.make nlocals 0 in
  let rstack = Array.make 64 0 and rsp = ref 0 in
  let push v = stack.(!sp) <- v; incr sp in
  let pop () = decr sp; stack.(!sp) in
  let pc = ref 0 and running = ref true in
  while !running do
    let i = code.(!pc) in
    incr pc;
    match i with
    | Push n -> push n
    | Load k -> push locals.(k)
    | Store k -> locals.(k) <- pop ()
    | AddI -> let b = pop () in let a = pop () in push ((a + b) land 0x3FFFFFFF)
    | SubI -> let b = pop () in let a = pop () in push (a - b)
    | MulI -> let b = pop () in let a = pop () in push ((a * b) land 0x3FFFFFFF)
    | ModI -> let b = pop () in let a = pop () in push (a mod b)
    | LtI -> let b = pop () in let a = pop () in push (if a < b then 1 else 0)
    | Jmp t -> pc := t
    | Jz t -> if pop () = 0 then pc := t
    | Call t -> rstack.(!rsp) <- !pc; incr rsp; pc := t
    | Ret -> decr rsp; pc := rstack.(!rsp)
    | Halt -> running := false
  done;
  locals.(1)

(* locals: 0 = i, 1 = acc, 2 = n.
   acc = 0; for i = 0 to n - 1 do acc = (acc * 7 + f(i)) end, f(i) = (i * i) mod 1000 + 1 *)
let code n =
  [| Push n; Store 2; Push 0; Store 0; Push 0; Store 1;
     (* 6: loop *) Load 0; Load 2; LtI; Jz 24;
     (* 10 *) Load 1; Push 7; MulI; Call 26; AddI; Store 1;
     (* 16 *) Load 0; Push 1; AddI; Store 0; Jmp 6; Halt; Halt; Halt;
     (* 24 *) Halt; Halt;
     (* 26: f *) Load 0; Load 0; MulI; Push 1000; ModI; Push 1; AddI; Ret |]

let () =
  let n = if Array.length Sys.argv > 1 then int_of_string Sys.argv.(1) else 1_400_000 in
  Printf.printf "vm result = %d\n" (run (code n) 3)
