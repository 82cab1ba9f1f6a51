(* Objects: immediate objects, methods with arguments, instance variables, structural typing, coercion *)
let point =
  object
    val mutable x = 0
    val mutable y = 0
    method get = (x, y)
    method move dx dy = x <- x + dx; y <- y + dy
    method to_string = Printf.sprintf "(%d, %d)" x y
  end

let describe o = o#to_string

let () =
  point#move 3 4;
  point#move 1 1;
  print_endline (describe point);
  let x, y = point#get in
  Printf.printf "%d %d\n" x y;
  let named = object method to_string = "named" method extra = 5 end in
  List.iter (fun s -> print_endline s) [ describe named; describe point ];
  let as_printable = [ (named :> < to_string : string >); (point :> < to_string : string >) ] in
  List.iter (fun o -> print_endline ("* " ^ o#to_string)) as_printable;
  let make_counter start =
    object
      val mutable n = start
      method next = n <- n + 1; n
      method reset = n <- start
    end
  in
  let c = make_counter 10 in
  let a = c#next in
  let b = c#next in
  c#reset;
  let d = c#next in
  Printf.printf "%d %d %d\n" a b d;
  let stack =
    object
      val mutable items = []
      method push (v : int) = items <- v :: items
      method pop = match items with [] -> None | h :: t -> items <- t; Some h
      method size = List.length items
    end
  in
  List.iter stack#push [ 1; 2; 3 ];
  Printf.printf "size=%d\n" stack#size;
  (match stack#pop with Some v -> Printf.printf "pop=%d\n" v | None -> ());
  Printf.printf "size=%d\n" stack#size
