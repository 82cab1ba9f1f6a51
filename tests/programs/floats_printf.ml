(* Float printing with Printf: %f %e %g %.3f %F %h, widths, precision, signs, padding *)
let values = [ 0.; 1.; -1.; 0.5; 3.14159265358979; -2.71828; 100.; 1234567.891; 0.000123456; 1e10; 1e-10; 123456789012.; 1e21; 5e-324; 1.7976931348623157e308 ]

let () =
  List.iter
    (fun v -> Printf.printf "%f | %e | %g | %.3f | %.0f | %F\n" v v v v v v)
    values;
  Printf.printf "[%10.2f] [%-10.2f] [%010.2f] [%+.2f] [% .2f]\n" 3.14159 3.14159 3.14159 3.14159 3.14159;
  Printf.printf "[%12.4e] [%-12.3e] [%+e]\n" 12345.678 0.00123 1.;
  Printf.printf "[%.1g] [%.2g] [%.10g] [%10g] [%-10g]\n" 1234.5 1234.5 1234.5 0.1 0.1;
  Printf.printf "[%.15g] [%.17g]\n" 0.1 0.1;
  Printf.printf "[%*.*f]\n" 12 4 2.5;
  Printf.printf "%h %h %h %h\n" 1.0 0.5 3.0 (-0.1);
  Printf.printf "%.2f %.2f %.2f %.2f\n" 0.125 0.375 2.675 1.005;
  Printf.printf "%.0f %.0f %.0f %.0f\n" 0.5 1.5 2.5 (-0.5);
  Printf.printf "%g %g %g %g\n" 100000. 1000000. 1e-4 1e-5;
  Printf.printf "%F %F %F\n" 1e100 (-0.) 42.
