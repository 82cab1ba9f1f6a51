-- Loaded by Neovim at startup (plugin/ of a runtimepath entry).
require("wordcount").setup()
