(* Format: boxes @[ @], break hints @, @; @ , hv/v/h/hov boxes, margins, indentation, flush with @. *)
let () =
  Format.set_margin 30;
  Format.printf "@[<hov 2>This is a long sentence that should be@ broken@ across@ several@ lines@ by@ the@ pretty@ printer.@]@.";
  Format.printf "@[<v 2>vertical:@,one@,two@,three@]@.";
  Format.printf "@[<h>horizontal@ box@ never@ breaks@ even@ when@ it@ is@ too@ long@]@.";
  Format.printf "@[<hv 4>hv_box:@ aaa@ bbb@ ccc@]@.";
  Format.printf "@[<hv 4>hv_box_long:@ aaaaaaaa@ bbbbbbbbb@ ccccccccc@ ddddddd@]@.";
  Format.printf "@[<b 2>structural:@ x@ y@ z@]@.";
  Format.printf "@[<2>f(@,arg1,@ arg2,@ arg3,@ a_long_argument_name)@]@.";
  Format.printf "@[list: [@[<hov>%a@]]@]@." (fun ppf l -> List.iteri (fun i x -> if i > 0 then Format.fprintf ppf ";@ "; Format.fprintf ppf "%d" x) l) (List.init 15 (fun i -> i * 7));
  Format.printf "@[break hint:@;<1 4>indented@;<100 0>far@]@.";
  Format.printf "nested: @[<v>@[<h>a b c@]@,@[<hov 2>d@ e@ f@]@]@.";
  Format.set_margin 78;
  Format.printf "@[<hov 2>With margin 78 everything fits on one line just fine@ ok@]@.";
  Format.printf "%d %s %.2f %b %c@." 1 "two" 3.0 true 'c';
  let s = Format.asprintf "@[<v>%s@,%s@]" "first" "second" in
  Printf.printf "asprintf: %S\n" s;
  let b = Buffer.create 16 in
  let ppf = Format.formatter_of_buffer b in
  Format.pp_set_margin ppf 12;
  Format.fprintf ppf "@[<hov 1>(alpha@ beta@ gamma@ delta)@]@?";
  Printf.printf "buffer:\n%s\n" (Buffer.contents b);
  Format.printf "@[<v 3>tbl:@,%s@,%s@]@." "r1" "r2";
  Format.printf "Sprintf: %s@." (Format.sprintf "%d-%d" 1 2)
