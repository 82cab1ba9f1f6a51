(* Records: construction, field access, functional update, nested records, records with float fields, equality *)
type point = { x : float; y : float }
type person = { name : string; age : int; address : address }
and address = { street : string; city : string }
type all_floats = { a : float; b : float; c : float }

let dist p q = sqrt (((p.x -. q.x) ** 2.) +. ((p.y -. q.y) ** 2.))

let () =
  let p = { x = 0.; y = 0. } and q = { x = 3.; y = 4. } in
  Printf.printf "dist=%.2f\n" (dist p q);
  let q' = { q with y = 0. } in
  Printf.printf "q'=(%.1f,%.1f) q=(%.1f,%.1f)\n" q'.x q'.y q.x q.y;
  let alice = { name = "Alice"; age = 30; address = { street = "Main St"; city = "Springfield" } } in
  let older = { alice with age = alice.age + 1 } in
  let moved = { alice with address = { alice.address with city = "Shelbyville" } } in
  Printf.printf "%s %d %s %s\n" older.name older.age older.address.street older.address.city;
  Printf.printf "%s %d %s\n" moved.name moved.age moved.address.city;
  Printf.printf "eq=%b %b\n" (alice = older) (alice = { older with age = 30 });
  let { name; age = years; _ } = alice in
  Printf.printf "%s is %d\n" name years;
  let fl = { a = 1.5; b = 2.5; c = 3.5 } in
  let fl2 = { fl with b = 10. } in
  Printf.printf "%.1f %.1f %.1f / %.1f\n" fl2.a fl2.b fl2.c (fl.a +. fl.b +. fl.c);
  let people = [ alice; older; moved; { alice with name = "Bob"; age = 25 } ] in
  let sorted = List.sort (fun p1 p2 -> compare (p1.age, p1.name) (p2.age, p2.name)) people in
  List.iter (fun p -> Printf.printf "%s/%d/%s " p.name p.age p.address.city) sorted;
  print_newline ()
