(* Objects: method calls on a class hierarchy, inheritance, super calls, mutable state. *)
(* bench: quick=400000 *)
class virtual shape (name : string) =
  object (self)
    val mutable moves = 0
    method virtual area : int
    method virtual perimeter : int
    method name = name
    method move (_ : int) = moves <- moves + 1
    method moves = moves
    method describe = self#area + self#perimeter + String.length self#name
  end

class rect w h =
  object
    inherit shape "rect"
    method area = w * h
    method perimeter = 2 * (w + h)
  end

class square s =
  object
    inherit rect s s as super
    method! name = "square"
    method! describe = super#describe + 1
  end

class circle r =
  object (self)
    inherit shape "circle"
    method area = 3 * r * r
    method perimeter = 6 * r
    method! move d = if d > 0 then self#grow
    method grow = moves <- moves + 2
  end

class counter =
  object
    val mutable n = 0
    method incr = n <- n + 1
    method add k = n <- n + k
    method get = n
  end

let () =
  let n = if Array.length Sys.argv > 1 then int_of_string Sys.argv.(1) else 8_000_000 in
  let shapes =
    Array.init 12 (fun i ->
        match i mod 3 with
        | 0 -> (new rect (i + 1) (i + 2) :> shape)
        | 1 -> (new square (i + 1) :> shape)
        | _ -> (new circle (i + 1) :> shape))
  in
  let c = new counter in
  for it = 1 to n do
    let sh = shapes.(it mod 12) in
    c#add (sh#describe land 0xFFFF);
    sh#move it;
    if it land 1023 = 0 then ignore (new counter);
    c#incr
  done;
  let moves = Array.fold_left (fun a s -> a + s#moves) 0 shapes in
  Printf.printf "objects checksum = %d %d\n" (c#get land 0x3FFFFFFF) moves
