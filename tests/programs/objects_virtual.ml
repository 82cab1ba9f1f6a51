(* Virtual methods and virtual classes: abstract methods implemented by subclasses, private methods *)
class virtual shape name =
  object (self)
    method virtual area : float
    method virtual perimeter : float
    method name : string = name
    method describe = Printf.sprintf "%s: area=%.2f perimeter=%.2f" self#name self#area self#perimeter
  end

class rect w h =
  object
    inherit shape "rect"
    method area = w *. h
    method perimeter = 2. *. (w +. h)
  end

class square s = object inherit rect s s method! name = "square" end

class circle r =
  object
    inherit shape "circle"
    method area = 3.14159 *. r *. r
    method perimeter = 2. *. 3.14159 *. r
  end

class virtual ['a] container =
  object (self)
    method virtual private items : 'a list
    method count = List.length self#items
    method private helper = "private-helper"
    method call_helper = self#helper
  end

class ints = object inherit [int] container method private items = [ 1; 2; 3; 4 ] end

let () =
  let shapes : shape list = [ (new rect 2. 3. :> shape); (new square 4. :> shape); (new circle 1. :> shape) ] in
  List.iter (fun s -> print_endline s#describe) shapes;
  let total = List.fold_left (fun acc s -> acc +. s#area) 0. shapes in
  Printf.printf "total area=%.3f\n" total;
  let i = new ints in
  Printf.printf "count=%d %s\n" i#count i#call_helper
