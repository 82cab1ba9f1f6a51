require("hello_dune").setup()
