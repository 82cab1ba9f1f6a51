(* Printf integer formats: %d %i %u %x %X %o, widths, zero padding, left alignment, signs, %#x, %*d *)
let () =
  let vals = [ 0; 1; -1; 42; -42; 255; 1000; 65535; 123456789; -123456789 ] in
  List.iter (fun v -> Printf.printf "[%d] [%i] [%5d] [%-5d|] [%05d] [%+d] [% d]\n" v v v v v v v) vals;
  List.iter (fun v -> Printf.printf "[%x] [%X] [%o] [%#x] [%#X] [%#o] [%8x] [%-8X|] [%08x]\n" v v v v v v v v v) [ 0; 1; 10; 255; 4096; 48879; 123456789 ];
  List.iter (fun v -> Printf.printf "[%u]\n" v) [ 0; 7; 1000000 ];
  Printf.printf "[%*d] [%-*d|] [%0*d]\n" 6 42 6 42 6 42;
  Printf.printf "[%.3d] [%8.3d] [%-8.5d|]\n" 7 7 7;
  Printf.printf "%d%%\n" 50;
  Printf.printf "%d %d %d\n" (-0) (17 / 5) (-17 / 5);
  Printf.printf "%d %d\n" (17 mod 5) (-17 mod 5);
  Printf.printf "%s|%5s|%-5s|\n" (string_of_int 12) (string_of_int (-3)) (string_of_int 99)
