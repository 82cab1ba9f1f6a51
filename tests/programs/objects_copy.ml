(* Object copying: functional update with {< >}, Oo.copy, independence of copies *)
class point x y =
  object
    val x = x
    val y = y
    method x = x
    method y = y
    method move dx dy = {< x = x + dx; y = y + dy >}
    method show = Printf.sprintf "(%d,%d)" x y
  end

class mpoint =
  object
    val mutable count = 0
    method bump = count <- count + 1
    method count = count
    method clone = {< >}
  end

let () =
  let p = new point 1 2 in
  let q = p#move 10 10 in
  let r = q#move (-1) 0 in
  Printf.printf "%s %s %s\n" p#show q#show r#show;
  let m = new mpoint in
  m#bump; m#bump;
  let m2 = m#clone in
  m2#bump;
  let m3 = Oo.copy m in
  m3#bump; m3#bump; m3#bump;
  Printf.printf "m=%d m2=%d m3=%d\n" m#count m2#count m3#count;
  Printf.printf "same=%b %b\n" (m == m2) (m == m);
  let path = List.fold_left (fun (acc, pt) (dx, dy) -> let pt' = pt#move dx dy in (pt'#show :: acc, pt')) ([], p) [ (1, 0); (0, 1); (2, 2) ] in
  print_endline (String.concat " -> " (List.rev (fst path)))
