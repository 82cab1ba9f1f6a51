(* Floats and records: a small ray tracer (immutable float records, variants, closures). *)
(* bench: quick=40 *)
type vec = { x : float; y : float; z : float }

let ( +| ) a b = { x = a.x +. b.x; y = a.y +. b.y; z = a.z +. b.z }
let ( -| ) a b = { x = a.x -. b.x; y = a.y -. b.y; z = a.z -. b.z }
let ( *| ) k a = { x = k *. a.x; y = k *. a.y; z = k *. a.z }
let dot a b = (a.x *. b.x) +. (a.y *. b.y) +. (a.z *. b.z)
let unit a = (1. /. sqrt (dot a a)) *| a

type obj = Sphere of vec * float * float (* centre, radius, reflectivity *) | Plane of vec * float

type hit = { t : float; normal : vec; refl : float }

let intersect orig dir = function
  | Sphere (c, r, refl) ->
      let v = c -| orig in
      let b = dot v dir in
      let disc = (b *. b) -. dot v v +. (r *. r) in
      if disc < 0. then None
      else
        let d = sqrt disc in
        let t = if b -. d > 1e-6 then b -. d else b +. d in
        if t > 1e-6 then Some { t; normal = unit ((orig +| (t *| dir)) -| c); refl } else None
  | Plane (n, off) ->
      let dn = dot dir n in
      if Float.abs dn < 1e-9 then None
      else
        let t = -.(dot orig n +. off) /. dn in
        if t > 1e-6 then Some { t; normal = n; refl = 0.3 } else None

let scene =
  let l = ref [ Plane ({ x = 0.; y = 1.; z = 0. }, 1.) ] in
  for i = 0 to 3 do
    for j = 0 to 3 do
      let fi = float_of_int i and fj = float_of_int j in
      l := Sphere ({ x = (fi -. 1.5) *. 1.2; y = -0.5 +. (0.3 *. fj); z = 4. +. (fj *. 1.1) }, 0.5, 0.5) :: !l
    done
  done;
  !l

let light = unit { x = -1.; y = 2.; z = -1.5 }

let nearest orig dir =
  List.fold_left
    (fun best o ->
      match (intersect orig dir o, best) with
      | None, b -> b
      | Some h, None -> Some h
      | Some h, Some b -> if h.t < b.t then Some h else best)
    None scene

let rec trace orig dir depth =
  match nearest orig dir with
  | None -> 0.1
  | Some h ->
      let p = orig +| (h.t *| dir) in
      let diffuse = Float.max 0. (dot h.normal light) in
      let shadow = match nearest p light with None -> 1. | Some _ -> 0.3 in
      let local = 0.1 +. (0.9 *. diffuse *. shadow) in
      if depth = 0 || h.refl = 0. then local
      else
        let r = dir -| ((2. *. dot dir h.normal) *| h.normal) in
        ((1. -. h.refl) *. local) +. (h.refl *. trace p r (depth - 1))

let () =
  let n = if Array.length Sys.argv > 1 then int_of_string Sys.argv.(1) else 400 in
  let w = n and h = n in
  let eye = { x = 0.; y = 0.5; z = -3. } in
  let total = ref 0 and hist = Array.make 8 0 in
  for j = 0 to h - 1 do
    for i = 0 to w - 1 do
      let dir =
        unit { x = (float_of_int i /. float_of_int w) -. 0.5; y = 0.5 -. (float_of_int j /. float_of_int h); z = 1. }
      in
      let c = trace eye dir 3 in
      let v = int_of_float (Float.min 1. c *. 255.) in
      total := !total + v;
      hist.(v / 32) <- hist.(v / 32) + 1
    done
  done;
  Printf.printf "raytrace %dx%d: sum = %d\n" w h !total;
  Array.iteri (fun i c -> Printf.printf "%d:%d " i c) hist;
  print_newline ()
