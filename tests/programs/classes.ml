(* Classes: parameterized classes, class types, inheritance chains, polymorphic classes, class-level functions *)
class type printable = object method print : string end

class ['a] stack =
  object
    val mutable items : 'a list = []
    method push x = items <- x :: items
    method pop = match items with [] -> failwith "empty" | x :: r -> items <- r; x
    method peek = List.hd items
    method size = List.length items
  end

class account (owner : string) (initial : int) =
  object (self)
    val mutable balance = initial
    method owner = owner
    method balance = balance
    method deposit n = if n <= 0 then invalid_arg "deposit" else balance <- balance + n
    method withdraw n = if n > balance then failwith "insufficient" else balance <- balance - n
    method print = Printf.sprintf "%s: %d" self#owner self#balance
  end

class savings owner initial rate =
  object (self)
    inherit account owner initial
    method add_interest = self#deposit (balance * rate / 100)
    method! print = "[savings] " ^ Printf.sprintf "%s: %d" self#owner self#balance
  end

let print_all (l : printable list) = List.iter (fun p -> print_endline p#print) l

let () =
  let s = new stack in
  List.iter s#push [ 1; 2; 3 ];
  let popped = s#pop in
  let peeked = s#peek in
  Printf.printf "pop=%d peek=%d size=%d\n" popped peeked s#size;
  let ss = new stack in
  ss#push "a"; ss#push "b";
  let first = ss#pop in
  let second = ss#pop in
  Printf.printf "%s%s\n" first second;
  let a = new account "ann" 100 in
  a#deposit 50;
  (try a#withdraw 500 with Failure m -> Printf.printf "failed: %s\n" m);
  (try a#deposit (-1) with Invalid_argument m -> Printf.printf "invalid: %s\n" m);
  let sv = new savings "sam" 1000 5 in
  sv#add_interest;
  sv#withdraw 50;
  print_all [ (a :> printable); (sv :> printable) ];
  let accounts = [ new account "x" 5; (new savings "y" 7 10 :> account); new account "z" 1 ] in
  let sorted = List.sort (fun a b -> compare a#balance b#balance) accounts in
  print_endline (String.concat "," (List.map (fun a -> a#owner) sorted))
