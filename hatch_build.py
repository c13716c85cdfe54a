"""Hatchling build hook: a wheel with arnews's modules compiled by mypyc, when it can be built.

- Editable installs (``pip install -e .``) stay pure Python: edits to the .py files count.
- A regular wheel (``pip install .``, ``python -m build``) compiles the modules in
  ``compiled_modules()`` with mypyc into C extensions and tags the wheel for this Python
  and platform. Every .py file stays in the wheel too (tracebacks, type checkers); Python
  imports the extension module where there is one.
- When compiling fails (no C compiler, no Python headers, a mypyc error) the build warns
  and produces the pure-Python wheel (``py3-none-any``) instead of failing.
- ``ARNEWS_PURE_PYTHON=1`` forces the pure-Python wheel (and skips the build tools).

At run time ``arnews.compiled`` says which build is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PURE_ENV = "ARNEWS_PURE_PYTHON"

# Modules that stay pure Python, and why.
KEEP_PURE = {
    # The public entry points check their arguments themselves and raise arnews's own
    # documented errors (arnews.InputTypeError ...); compiled, a wrong argument type would
    # meet mypyc's TypeError at the boundary instead.
    "arnews/__init__.py",
    "arnews/api.py",
    # pipeline.run is where parse/parse_text/parse_html check `options` and `url`.
    "arnews/pipeline.py",
    "arnews/options.py",
    "arnews/cli.py",
    "arnews/__main__.py",
    # mypyc cannot compile subclasses of built-in exceptions (InputTypeError is a TypeError).
    "arnews/errors.py",
    # Nothing to gain.
    "arnews/_version.py",
}

# The shared library holding all compiled code: arnews__mypyc.<abi>.so, next to the package
# (mypyc derives the modules' __file__ and __path__ from its place above the package tree;
# inside arnews/ they would point to arnews/arnews/...).
GROUP = "arnews"

# Packages mypyc needs to see the types the code uses (type checking happens at build time):
# attrs (inline types), stubs for regex and lxml. Versions as in the runtime and dev deps.
TYPE_DEPS = ["attrs>=23.1", "types-regex", "lxml-stubs>=0.5"]
BUILD_DEPS = ["mypy>=1.10", "setuptools>=70"]

SETUP_PY = """\
import sys
from mypyc.build import mypycify
from setuptools import setup

modules = sys.argv[3:]
del sys.argv[3:]
setup(
    name="arnews-mypyc",
    ext_modules=mypycify(modules, opt_level="3", group_name={group!r}),
)
"""


def pure_forced() -> bool:
    """Whether ARNEWS_PURE_PYTHON asks for the pure-Python wheel."""
    return os.environ.get(PURE_ENV, "").strip().lower() not in ("", "0", "false", "no")


def compiled_modules(root: Path) -> list[str]:
    """The package's modules that mypyc compiles, as paths relative to ``root``.

    Subpackage ``__init__.py`` files other than ``arnews/layout/__init__.py`` (which holds the
    layout code) only re-export names; they stay pure.
    """
    found = []
    for path in sorted((root / "arnews").rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if "__pycache__" in rel or rel in KEEP_PURE:
            continue
        if path.name == "__init__.py" and rel != "arnews/layout/__init__.py":
            continue
        found.append(rel)
    return found


def asked_for_editable() -> bool:
    """Whether hatchling asks for the requirements of an editable build.

    Hatchling does not tell the hook which build it asks for; its PEP 660 entry point
    ``get_requires_for_build_editable`` is on the call stack when it is an editable one.
    """
    frame = sys._getframe()
    while frame is not None:
        if frame.f_code.co_name == "get_requires_for_build_editable":
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


class CompileError(Exception):
    """mypyc or the C compiler failed."""


class MypycBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile the wheel's modules with mypyc; fall back to pure Python when that fails."""

    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        """The build tools, unless the build is editable or forced pure."""
        if pure_forced() or asked_for_editable():
            return []
        return [*BUILD_DEPS, *TYPE_DEPS]

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile, and add the extension modules to the wheel; or leave the wheel pure."""
        self._work: Path | None = None
        if self.target_name != "wheel" or version == "editable":
            return
        if pure_forced():
            self.app.display_info(f"arnews: {PURE_ENV} is set: building a pure-Python wheel")
            return
        root = Path(self.root)
        modules = compiled_modules(root)
        self.app.display_info(f"arnews: compiling {len(modules)} modules with mypyc ...")
        self._work = Path(tempfile.mkdtemp(prefix="arnews-mypyc-"))
        try:
            built = self._compile(root, self._work, modules)
        except (CompileError, OSError) as exc:
            self.app.display_warning(
                "arnews: WARNING: compiling with mypyc failed; building the pure-Python "
                f"wheel instead (same results, slower). Set {PURE_ENV}=1 to skip the "
                f"attempt. Cause:\n{exc}"
            )
            return
        for source, target in built:
            build_data["force_include"][str(source)] = target
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        self.app.display_info(f"arnews: mypyc built {len(built)} extension modules")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the scratch directory of the compilation."""
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)

    @staticmethod
    def _compile(root: Path, work: Path, modules: list[str]) -> list[tuple[Path, str]]:
        """Build the extension modules in a copy of the package under ``work``.

        Returns (built file, path in the wheel) pairs.
        """
        shutil.copytree(
            root / "arnews",
            work / "arnews",
            ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd", "*.pyc"),
        )
        # The type checking settings of pyproject.toml's [tool.mypy] that matter to mypyc
        # (the libraries without types); python_version is left to the running interpreter.
        (work / "mypy.ini").write_text(
            "[mypy]\n\n[mypy-dateparser.*,hijridate.*]\nignore_missing_imports = True\n"
        )
        (work / "setup.py").write_text(SETUP_PY.format(group=GROUP))
        command = [sys.executable, "setup.py", "build_ext", "--inplace", *modules]
        done = subprocess.run(command, cwd=work, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-25:])
            raise CompileError(f"{' '.join(command[:4])} ... exited {done.returncode}:\n{tail}")
        suffixes = (".so", ".pyd")
        built = sorted(
            p
            for p in [*(work / "arnews").rglob("*"), *work.glob(f"{GROUP}__mypyc.*")]
            if p.name.endswith(suffixes)
        )
        stems = {p.relative_to(work).as_posix().split(".")[0] for p in built}
        missing = [m for m in modules if m.removesuffix(".py") not in stems]
        if missing or GROUP.replace(".", "/") + "__mypyc" not in stems:
            raise CompileError(f"mypyc ran but built no extension module for {missing or GROUP}")
        return [(p, p.relative_to(work).as_posix()) for p in built]
