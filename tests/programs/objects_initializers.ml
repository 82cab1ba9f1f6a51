(* Object initializers: initializer blocks, order of evaluation across inheritance, let-bindings in classes *)
let trace = Buffer.create 100
let note s = Buffer.add_string trace s; Buffer.add_char trace ' '

class base x =
  let () = note "base-let" in
  object
    val v = note "base-val"; x
    initializer note (Printf.sprintf "base-init(%d)" v)
    method v = v
  end

class derived x y =
  object (self)
    inherit base x
    val w = note "derived-val"; y
    initializer note (Printf.sprintf "derived-init(%d)" self#sum)
    method sum = v + w
  end

class with_counter =
  object
    val mutable created = 0
    initializer created <- 42
    method created = created
  end

let instances = ref 0
class tracked = object initializer incr instances end

let () =
  let d = new derived 3 4 in
  Printf.printf "sum=%d\n" d#sum;
  print_endline (Buffer.contents trace);
  Buffer.clear trace;
  let b = new base 9 in
  Printf.printf "v=%d\n" b#v;
  print_endline (Buffer.contents trace);
  Printf.printf "created=%d\n" (new with_counter)#created;
  for _ = 1 to 5 do ignore (new tracked) done;
  Printf.printf "instances=%d\n" !instances
