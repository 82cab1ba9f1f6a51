(* Object inheritance: inherit, method override, super calls, multiple inheritance, dynamic dispatch *)
class animal name =
  object (self)
    val name = name
    method name = name
    method sound = "..."
    method speak = Printf.sprintf "%s says %s" self#name self#sound
  end

class dog name =
  object
    inherit animal name as super
    method! sound = "woof"
    method! name = "dog " ^ super#name
    method fetch = name ^ " fetches"
  end

class puppy name =
  object
    inherit dog name as super
    method! sound = super#sound ^ " (squeaky)"
  end

class cat name = object inherit animal name method! sound = "meow" end

class logger =
  object
    val mutable log = []
    method log s = log <- s :: log
    method dump = String.concat "; " (List.rev log)
  end

class logging_dog name =
  object (self)
    inherit dog name
    inherit logger
    method! speak = let s = Printf.sprintf "%s says %s" self#name self#sound in self#log s; s
  end

let () =
  let animals : animal list = [ new animal "generic"; (new dog "rex" :> animal); (new puppy "bit" :> animal); (new cat "tom" :> animal) ] in
  List.iter (fun a -> print_endline a#speak) animals;
  print_endline (new dog "fido")#fetch;
  let ld = new logging_dog "max" in
  ignore ld#speak;
  ignore ld#speak;
  print_endline ld#dump
