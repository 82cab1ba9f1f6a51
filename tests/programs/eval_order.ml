(* Evaluation order as fixed by ocamlc bytecode: function arguments, tuple/record/list/array constructors, operators, let and sequences *)
let trace = Buffer.create 64
let t name v = Buffer.add_string trace name; v
let show label = Printf.printf "%s: %s\n" label (Buffer.contents trace); Buffer.clear trace

type r = { a : int; b : int; c : int }

let f x y z = x + y + z

let () =
  ignore (f (t "1" 1) (t "2" 2) (t "3" 3));
  show "args";
  ignore (t "a" 1, t "b" 2, t "c" 3);
  show "tuple";
  ignore { a = t "a" 1; b = t "b" 2; c = t "c" 3 };
  show "record";
  ignore [ t "x" 1; t "y" 2; t "z" 3 ];
  show "list";
  ignore [| t "p" 1; t "q" 2; t "r" 3 |];
  show "array";
  ignore (t "l" 1 + t "r" 2);
  show "plus";
  ignore (t "l" true && t "r" false);
  show "and";
  ignore (t "l" false && t "r" true);
  show "and short-circuit";
  ignore (t "l" true || t "r" true);
  show "or short-circuit";
  let x = t "first" 1 in
  let y = t "second" 2 in
  ignore (x + y);
  show "let";
  t "s1" (); t "s2" (); t "s3" ();
  show "sequence";
  ignore ((t "fn" f) (t "x" 1) (t "y" 2) (t "z" 3));
  show "function position";
  let g = t "partial" (f 1) in
  ignore (g (t "y" 2) (t "z" 3));
  show "partial";
  ignore (Some (t "some" 1), (t "str" "s") ^ (t "cat" "t"));
  show "nested";
  let r = ref 0 in
  let v = (r := 1; !r) + (r := 10; !r) in
  Printf.printf "side effects in operands: %d\n" v
