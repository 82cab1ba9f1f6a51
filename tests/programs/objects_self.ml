(* Objects using self: calling own methods, returning self, method chaining, recursive methods via self *)
class counter =
  object (self)
    val mutable n = 0
    method incr = n <- n + 1; self
    method add k = if k > 0 then (ignore self#incr; self#add (k - 1)) else self
    method get = n
    method show = Printf.sprintf "counter(%d)" self#get
  end

class fib_calc =
  object (self)
    method fib n = if n < 2 then n else self#fib (n - 1) + self#fib (n - 2)
  end

class ['a] collection =
  object (self)
    val mutable items : 'a list = []
    method add x = items <- x :: items; self
    method length = List.length items
    method is_empty = self#length = 0
    method to_list = List.rev items
  end

let () =
  let c = new counter in
  let c2 = c#incr#incr#add 5 in
  Printf.printf "%d %s %b\n" c#get c2#show (c == c2);
  Printf.printf "fib 15 = %d\n" ((new fib_calc)#fib 15);
  let col = new collection in
  Printf.printf "empty=%b\n" col#is_empty;
  let col = (col#add "a")#add "b" in
  ignore (col#add "c");
  Printf.printf "len=%d [%s]\n" col#length (String.concat ";" col#to_list)
