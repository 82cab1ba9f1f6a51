"""How IR operations and runtime primitives become Lua, per target.

Integer operations keep OCaml's 32-bit two's complement semantics; the cheap
way differs by target (LuaJIT's `bit`, Lua 5.4's integer operators, plain
arithmetic on Lua 5.1). Hot primitives (float arithmetic and comparisons,
unchecked array access) are inlined; the others are calls through `P`.
"""

from __future__ import annotations

from ..bytecode.values import Block as VBlock, Custom, FloatArray
from ..ir.ir import Program
from . import ast as A

_FLOAT_BIN = {"caml_add_float": " + ", "caml_sub_float": " - ", "caml_mul_float": " * ",
              "caml_div_float": " / "}
_FLOAT_CMP = {"caml_eq_float": " == ", "caml_neq_float": " ~= ", "caml_lt_float": " < ",
              "caml_le_float": " <= ", "caml_gt_float": " > ", "caml_ge_float": " >= "}
_MATH1 = {"caml_sqrt_float": "math.sqrt", "caml_exp_float": "math.exp",
          "caml_sin_float": "math.sin", "caml_cos_float": "math.cos", "caml_tan_float": "math.tan",
          "caml_asin_float": "math.asin", "caml_acos_float": "math.acos",
          "caml_atan_float": "math.atan", "caml_abs_float": "math.abs"}


def lua_string(b: bytes) -> str:
    out = ['"']
    for i, c in enumerate(b):
        if c == 0x22:
            out.append('\\"')
        elif c == 0x5C:
            out.append("\\\\")
        elif 32 <= c < 127:
            out.append(chr(c))
        elif c == 10:
            out.append("\\n")
        else:
            out.append(f"\\{c:03d}")
    out.append('"')
    return "".join(out)


def lua_float(x: float, target: str) -> str:
    if x != x:
        return "(0/0)"
    if x == float("inf"):
        return "(1/0)"
    if x == float("-inf"):
        return "(-1/0)"
    if x == 0.0 and str(x).startswith("-"):
        return "NEGZ"  # Lua 5.1 folds the constant -0.0 into 0
    r = repr(x)
    if "e" not in r and "." not in r and "inf" not in r:
        r += ".0"
    return f"({r})" if r.startswith("-") else r


_CHAIN_OPS = frozenset({"add", "sub", "neg"})
_CHAIN_OPS_54 = frozenset({"add", "sub", "neg", "mul"})


class PrimitiveTranslator:
    def __init__(self, prog: Program, target: str):
        self.prog = prog
        self.target = target
        self.needed: set[str] = set()

    def need(self, name: str) -> None:
        self.needed.add(name)

    # --- integers ---------------------------------------------------------------
    def wrap(self, e: A.Expr) -> A.Expr:
        if self.target == "luajit":
            return ["tobit(", *e, ")"]
        if self.target == "lua54":
            return ["(((", *e, ") + 0x80000000) & 0xffffffff) - 0x80000000"]
        return ["W(", *e, ")"]

    def _rt(self, name: str, args: list[A.Expr]) -> A.Expr:
        self.need(name)
        toks: A.Expr = [f"P.{name}("]
        for i, a in enumerate(args):
            if i:
                toks.append(", ")
            toks += a
        return toks + [")"]

    def chain_ops(self) -> frozenset[str]:
        """Integer operations whose result may stay unwrapped while it only feeds another
        of them: LuaJIT and Lua 5.1 add int32 values exactly in doubles, Lua 5.4 wraps
        its 64-bit integers modulo 2^64, so one wrap at the end of an expression gives
        the same 32-bit result as a wrap after each operation."""
        return _CHAIN_OPS_54 if self.target == "lua54" else _CHAIN_OPS

    def prim(self, args: list[A.Expr], op: str, wrap: bool = True) -> A.Expr:
        t = self.target
        w = self.wrap if wrap else (lambda e: e)
        if op == "add":
            return w([*args[0], " + ", *args[1]])
        if op == "sub":
            return w([*args[0], " - ", *args[1]])
        if op == "neg":
            return w(["- ", *args[0]])
        if op == "mul":
            if t == "lua54":
                return w([*args[0], " * ", *args[1]])
            return self._rt("caml_int_mul", args)
        if op == "div":
            return self._rt("caml_int_div", args)
        if op == "mod":
            return self._rt("caml_int_mod", args)
        if op in ("and", "or", "xor"):
            if t == "luajit":
                return [{"and": "band(", "or": "bor(", "xor": "bxor("}[op], *args[0], ", ", *args[1], ")"]
            if t == "lua54":
                return [*args[0], {"and": " & ", "or": " | ", "xor": " ~ "}[op], *args[1]]
            return self._rt(f"caml_int_{op}", args)
        if op in ("lsl", "lsr", "asr"):
            if t == "luajit":
                f = {"lsl": "lshift(", "lsr": "rshift(", "asr": "arshift("}[op]
                return [f, *args[0], ", ", *args[1], ")"]
            if t == "lua54":
                if op == "lsl":
                    return self.wrap([*args[0], " << ", *args[1]])
                if op == "lsr":
                    return self.wrap(["(", *args[0], " & 0xffffffff) >> ", *args[1]])
                return [*args[0], " // (1 << ", *args[1], ")"]
            return self._rt(f"caml_int_{op}", args)
        if op == "not":
            return ["1 - ", *args[0]]
        if op == "vectlength":
            return ["#", *args[0], " - 1"]
        if op == "getvectitem":
            return [*args[0], "[", *args[1], " + 2]"]
        if op == "getstringchar":
            return self._rt("caml_string_unsafe_get", args)
        if op == "getmethod":
            return [*args[0], "[2][", *args[1], " + 2]"]
        raise AssertionError(op)

    def effect_prim(self, op: str, args: list[A.Expr]) -> A.Stmt:
        if op == "setvectitem":
            return A.Assign([[*args[0], "[", *args[1], " + 2]"]], [args[2]])
        if op == "setbyteschar":
            return A.ExprStmt(self._rt("caml_bytes_unsafe_set", args))
        if op == "offsetref":
            return A.Assign([[*args[0], "[2]"]], [self.wrap([*args[0], "[2] + ", *args[1]])])
        raise AssertionError(op)

    # --- runtime primitives --------------------------------------------------------
    def extern(self, name: str, args: list[A.Expr]) -> A.Expr:
        if name in _FLOAT_BIN and len(args) == 2:
            return [*args[0], _FLOAT_BIN[name], *args[1]]
        if name in _FLOAT_CMP and len(args) == 2:
            return ["(", *args[0], _FLOAT_CMP[name], *args[1], ") and 1 or 0"]
        if name == "caml_neg_float":
            return ["- ", *args[0]]
        if name in _MATH1:
            return [_MATH1[name] + "(", *args[0], ")"]
        if name == "caml_float_of_int":
            return [*args[0], " + 0.0"] if self.target == "lua54" else args[0]
        if name in ("caml_array_unsafe_get", "caml_floatarray_unsafe_get"):
            return [*args[0], "[", *args[1], " + 2]"]
        return self._rt(name, args)

    def extern_cond(self, name: str, args, value) -> A.Expr | None:
        if name in _FLOAT_CMP and len(args) == 2:
            return [*value(args[0]), _FLOAT_CMP[name], *value(args[1])]
        return None

    # --- literals --------------------------------------------------------------------
    def literal(self, index: int) -> A.Expr:
        v = self.prog.literals[index]
        if isinstance(v, int):
            w = ((v + 0x8000_0000) & 0xFFFF_FFFF) - 0x8000_0000
            return [str(w) if w >= 0 else f"({w})"]
        if isinstance(v, bytes):
            return [lua_string(v)]
        if isinstance(v, float):
            return [lua_float(v, self.target)]
        if isinstance(v, Custom) and v.ident == "_i":
            return [str(v.value) if v.value >= 0 else f"({v.value})"]
        return [f"G[{index + 1}]"]

    def data_scalar(self, v) -> str | None:
        """A Lua expression for a constant without nested blocks (None for blocks)."""
        if isinstance(v, int):
            v = ((v + 0x8000_0000) & 0xFFFF_FFFF) - 0x8000_0000
            return str(v) if v >= 0 else f"({v})"
        if isinstance(v, bytes):
            return lua_string(v)
        if isinstance(v, float):
            return lua_float(v, self.target)
        if isinstance(v, FloatArray):
            return "{254" + "".join(", " + lua_float(x, self.target) for x in v.values) + "}"
        if isinstance(v, Custom):
            if v.ident == "_i":
                return str(v.value)
            u = v.value & 0xFFFFFFFFFFFFFFFF
            ctor = "caml_int64_create_lo_hi" if v.ident == "_j" else "caml_nativeint_create_lo_hi"
            self.need(ctor)
            return f"P.{ctor}({u & 0xFFFFFFFF}, {u >> 32})"
        if isinstance(v, VBlock):
            return None
        raise AssertionError(type(v))

    def data_statements(self, literals: dict[int, object]) -> list[str]:
        """Statements filling G with the DATA constants.

        Blocks are built bottom-up into a table `T` so that no Lua expression nests
        deeper than one constructor (long constant lists would exceed the parser's
        limits), and a block shared in the data stays shared."""
        out: list[str] = []
        slot: dict[int, str] = {}

        def ref(v) -> str:
            sc = self.data_scalar(v)
            return sc if sc is not None else slot[id(v)]

        for idx in sorted(literals):
            root = literals[idx]
            if isinstance(root, (int, bytes, float)) or (isinstance(root, Custom) and root.ident == "_i"):
                continue  # always inlined where used (see `literal`)
            if self.data_scalar(root) is None and id(root) not in slot:
                stack = [(root, False)]
                while stack:
                    v, expanded = stack.pop()
                    if id(v) in slot:
                        continue
                    if not expanded:
                        stack.append((v, True))
                        for f in reversed(v.fields):
                            if isinstance(f, VBlock) and id(f) not in slot:
                                stack.append((f, False))
                        continue
                    k = len(slot) + 1
                    fields = "".join(", " + ref(f) for f in v.fields)
                    out.append(f"T[{k}] = {{{v.tag}{fields}}}")
                    slot[id(v)] = f"T[{k}]"
            out.append(f"G[{idx + 1}] = {ref(root)}")
        return out
