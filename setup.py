"""Build script for the C extension vntext._vntext.

Project metadata lives in pyproject.toml; this file only describes the
extension: the binding python/vntext/_vntext.c plus every csrc/*.c, linked
against utf8proc, which is found with pkg-config when the extension is built.
"""

import glob
import os
import shlex
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))

INSTALL_HINT = (
    "vntext needs the utf8proc C library and pkg-config to build.\n"
    "  Debian/Ubuntu: apt-get install pkg-config libutf8proc-dev\n"
    "  Fedora:        dnf install pkgconf-pkg-config utf8proc-devel\n"
    "  Homebrew:      brew install pkg-config utf8proc"
)


def _rel(paths):
    # setuptools wants paths relative to the project root, with '/'.
    return sorted(os.path.relpath(p, HERE).replace(os.sep, "/") for p in paths)


def _pkg_config(*args):
    """Runs pkg-config with args for libutf8proc; returns its split output."""
    try:
        out = subprocess.run(
            ["pkg-config", *args, "libutf8proc"],
            check=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            universal_newlines=True,
        ).stdout
    except FileNotFoundError:
        sys.exit("error: pkg-config was not found.\n" + INSTALL_HINT)
    except subprocess.CalledProcessError as e:
        detail = e.stderr.strip()
        sys.exit(
            "error: pkg-config cannot find libutf8proc"
            + (" (" + detail + ")" if detail else "")
            + ".\n"
            + INSTALL_HINT
        )
    return shlex.split(out)


class BuildExt(build_ext):
    """build_ext that asks pkg-config for utf8proc and sets the warnings."""

    def build_extensions(self):
        cflags = _pkg_config("--cflags")
        libs = _pkg_config("--libs")
        unix = self.compiler.compiler_type != "msvc"
        for ext in self.extensions:
            for flag in cflags:
                if flag.startswith("-I"):
                    ext.include_dirs.append(flag[2:])
                elif flag.startswith("-D"):
                    name, _, value = flag[2:].partition("=")
                    ext.define_macros.append((name, value or None))
                else:
                    ext.extra_compile_args.append(flag)
            for flag in libs:
                if flag.startswith("-L"):
                    ext.library_dirs.append(flag[2:])
                elif flag.startswith("-l"):
                    ext.libraries.append(flag[2:])
                else:
                    ext.extra_link_args.append(flag)
            if unix:
                # Only PyInit__vntext (marked by PyMODINIT_FUNC) is exported.
                ext.extra_compile_args += [
                    "-std=c11",
                    "-O3",
                    "-Wall",
                    "-Wextra",
                    "-fvisibility=hidden",
                ]
        super().build_extensions()


csrc = glob.glob(os.path.join(HERE, "csrc", "*.c"))
headers = glob.glob(os.path.join(HERE, "csrc", "*.h")) + glob.glob(
    os.path.join(HERE, "python", "vntext", "*.h")
)

setup(
    ext_modules=[
        Extension(
            "vntext._vntext",
            sources=["python/vntext/_vntext.c"] + _rel(csrc),
            include_dirs=["csrc"],
            depends=_rel(headers),
        )
    ],
    cmdclass={"build_ext": BuildExt},
)
