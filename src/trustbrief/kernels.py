"""The kernel that executes a brief's notebook: the project's, over local sockets.

A kernel on TCP without CurveZMQ keys warns on every start ("Kernel is running over TCP
without encryption"), which alarmed people on every build. A kernel started by papermill on
the same machine needs no network port at all: IPC transport (Unix sockets in a private
temporary folder) is quieter and safer.
"""

from __future__ import annotations

import os
import shutil
import tempfile

from jupyter_client.manager import AsyncKernelManager
from traitlets import default


class LocalKernelManager(AsyncKernelManager):
    """nbclient's kernel manager, talking to its kernel over Unix sockets."""

    @default("transport")
    def _default_transport(self) -> str:
        return "ipc"

    @default("ip")
    def _default_ip(self) -> str:  # for IPC, the sockets' path prefix
        return os.path.join(tempfile.mkdtemp(prefix="tb-kernel-"), "kernel")

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:  # the sockets' private folder goes with the kernel
            shutil.rmtree(os.path.dirname(self.ip), ignore_errors=True)

    cleanup_resources = _async_cleanup_resources


def project_kernel() -> str:
    """The venv's 'trustbrief' kernel (make installs it), else the default python3."""
    from jupyter_client.kernelspec import KernelSpecManager

    return "trustbrief" if "trustbrief" in KernelSpecManager().find_kernel_specs() else "python3"
