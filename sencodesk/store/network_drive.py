"""A local case file must be on this computer's own disk, never on a network share.

SQLite keeps two writers apart with file locks and a write-ahead log in shared memory; on SMB
(CIFS), NFS and the like the locks are unreliable and shared memory does not work across
computers, so a case file opened from a shared drive by two machines is corrupted. Schools do
this when they outgrow one laptop: the answer is server mode, so opening refuses, naming it.

The filesystem of the folder is read from the operating system: ``/proc/self/mountinfo`` on
Linux, ``GetDriveType`` (or a UNC path) on Windows, ``statfs`` on macOS.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

from sencodesk.domain.errors import StoreError

#: Filesystem types that live on another computer (as Linux and macOS name them).
NETWORK_TYPES = frozenset({
    "cifs", "smb", "smbfs", "smb2", "smb3", "nfs", "nfs4", "afs", "afpfs", "ncpfs", "coda",
    "9p", "ceph", "glusterfs", "lustre", "gfs2", "ocfs2", "davfs", "webdav", "sshfs",
    "fuse.sshfs", "fuse.glusterfs", "fuse.rclone", "fuse.s3fs", "fuse.davfs2",
    "fuse.gvfsd-fuse", "fuse.smbnetfs", "fuse.cephfs",
})
MOUNTINFO = Path("/proc/self/mountinfo")


class OnNetworkDrive(StoreError):
    """The case file's folder is on a network share."""


def _unescape(field: str) -> str:
    """mountinfo writes a space, tab, newline and backslash in a path as octal (``\\040``)."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def filesystem_in(mountinfo: str, path: Path) -> str | None:
    """The filesystem type of the mount holding ``path`` (absolute, symlinks resolved), from
    the text of ``/proc/self/mountinfo``; the deepest mount point wins, and of two mounted on
    the same point the later (it hides the earlier). None if no line says."""
    best: tuple[int, str] | None = None
    target = path.as_posix()
    for line in mountinfo.splitlines():
        before, _dash, after = line.partition(" - ")
        fields, tail = before.split(), after.split()
        if len(fields) < 5 or not tail:
            continue
        point = _unescape(fields[4])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= best[0]):
            best = (len(point), tail[0])
    return best[1] if best else None


def is_network(kind: str) -> bool:
    return kind.lower() in NETWORK_TYPES


def _existing(folder: Path) -> Path:
    """The folder, or the nearest folder above it that exists (a school not yet made)."""
    folder = folder.absolute()
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder.resolve()


def network_kind(folder: Path) -> str | None:
    """What kind of network share ``folder`` is on ("cifs", "nfs", "network drive"), or None
    if it is on a local disk (or the system will not say)."""
    where = _existing(folder)
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows_kind(where)
    if sys.platform == "darwin":  # pragma: no cover - macOS only
        return _mac_kind(where)
    try:
        text = MOUNTINFO.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    kind = filesystem_in(text, where)
    return kind if kind is not None and is_network(kind) else None


def _windows_kind(where: Path) -> str | None:  # pragma: no cover - Windows only
    drive = os.path.splitdrive(str(where))[0]
    if drive.startswith(("\\\\", "//")):
        return "network share"
    drive_remote = 4
    kernel = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined,unused-ignore]
    if kernel.GetDriveTypeW(ctypes.c_wchar_p(drive + "\\")) == drive_remote:
        return "network drive"
    return None


class _MacStatfs(ctypes.Structure):  # pragma: no cover - macOS only
    _fields_ = [("f_bsize", ctypes.c_uint32), ("f_iosize", ctypes.c_int32),
                ("f_blocks", ctypes.c_uint64), ("f_bfree", ctypes.c_uint64),
                ("f_bavail", ctypes.c_uint64), ("f_files", ctypes.c_uint64),
                ("f_ffree", ctypes.c_uint64), ("f_fsid", ctypes.c_int32 * 2),
                ("f_owner", ctypes.c_uint32), ("f_type", ctypes.c_uint32),
                ("f_flags", ctypes.c_uint32), ("f_fssubtype", ctypes.c_uint32),
                ("f_fstypename", ctypes.c_char * 16), ("f_mntonname", ctypes.c_char * 1024),
                ("f_mntfromname", ctypes.c_char * 1024), ("f_flags_ext", ctypes.c_uint32),
                ("f_reserved", ctypes.c_uint32 * 7)]


def _mac_kind(where: Path) -> str | None:  # pragma: no cover - macOS only
    mnt_local = 0x1000
    libc = ctypes.CDLL("libc.dylib", use_errno=True)
    found = _MacStatfs()
    if libc.statfs64(os.fsencode(where), ctypes.byref(found)) != 0:
        return None
    kind = found.f_fstypename.decode(errors="replace")
    return kind if is_network(kind) or not found.f_flags & mnt_local else None


def refuse(folder: Path) -> None:
    """OnNetworkDrive, naming server mode, if ``folder`` is on a network share."""
    kind = network_kind(folder)
    if kind is None:
        return
    raise OnNetworkDrive(
        f"{folder} is on a network drive ({kind}). A case file on a shared drive gets "
        "corrupted, because the drive cannot keep two computers' saves apart. Ask your IT "
        "technician to set up server mode (one database server for the whole SEND team), "
        "or keep the case file on this computer's own disk.")
