"""A local case file refuses to open from a network share, naming server mode (issue 19.8)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pg_school
import pytest
from factories import PASSWORD
from pg_cluster import Cluster

from sencodesk.services import accounts
from sencodesk.store import network_drive
from sencodesk.store.network_drive import OnNetworkDrive, filesystem_in

# Lines as a Linux machine shows them: the root disk, a school share mounted over SMB, a
# home folder over NFS, a folder name with a space (written \040), and a share mounted over
# a local folder, which hides it.
MOUNTINFO = """\
27 1 254:0 / / rw,relatime - ext4 /dev/vda1 rw
25 24 0:23 / /dev/shm rw,relatime - tmpfs tmpfs rw,size=24683584k
40 27 0:45 / /mnt/school rw,relatime shared:20 - cifs //fileserver/SEN rw,vers=3.1.1
41 27 0:46 / /home/staff rw,relatime - nfs4 nas:/export/home rw,vers=4.2
42 27 254:0 /data /srv/SEN\\040team rw,relatime - ext4 /dev/vda1 rw
43 27 0:47 / /srv/local rw,relatime - ext4 /dev/vdb1 rw
44 43 0:48 / /srv/local rw,relatime master:3 - smb3 //nas/over rw
"""


@pytest.mark.parametrize(("folder", "kind"), [
    ("/mnt/school/sencodesk", "cifs"),
    ("/mnt/school", "cifs"),
    ("/mnt/schoolwork", "ext4"),  # a name that only starts like the share's
    ("/home/staff/jo/sencodesk", "nfs4"),
    ("/srv/SEN team/data", "ext4"),
    ("/srv/local/data", "smb3"),  # the later mount on the same point hides the earlier
    ("/dev/shm/x", "tmpfs"),
    ("/var/lib/sencodesk", "ext4"),
])
def test_the_mount_holding_a_folder_is_found(folder: str, kind: str) -> None:
    assert filesystem_in(MOUNTINFO, Path(folder)) == kind


def test_network_kinds_are_told_from_local_ones() -> None:
    assert all(network_drive.is_network(k) for k in ("cifs", "smb3", "nfs", "nfs4",
                                                      "fuse.sshfs", "NFS"))
    assert not any(network_drive.is_network(k) for k in ("ext4", "tmpfs", "btrfs", "xfs",
                                                          "apfs", "overlay", "ntfs"))


@pytest.fixture
def share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path as if it were mounted from the school's file server over SMB."""
    fake = tmp_path / "mountinfo"
    fake.write_text(MOUNTINFO + f"50 27 0:60 / {tmp_path} rw - cifs //fileserver/SEN rw\n",
                    encoding="utf-8")
    monkeypatch.setattr(network_drive, "MOUNTINFO", fake)
    monkeypatch.setattr(sys, "platform", "linux")
    return tmp_path


def test_a_school_is_not_set_up_on_a_share(share: Path) -> None:
    folder = share / "data"
    with pytest.raises(OnNetworkDrive) as refused:
        accounts.init_school(folder, school_name="Oak Hill", username="senco",
                             full_name="Sam Patel", password=PASSWORD)
    message = str(refused.value)
    assert f"{folder} is on a network drive (cifs)" in message
    assert "gets corrupted" in message and "server mode" in message
    assert not folder.exists()  # nothing written there


def test_a_case_file_copied_to_a_share_is_refused_at_sign_in(share: Path,
                                                             _empty_school: Path) -> None:
    folder = share / "data"
    shutil.copytree(_empty_school, folder)
    with pytest.raises(OnNetworkDrive, match=r"network drive \(cifs\).*server mode"):
        accounts.sign_in(folder, "senco", PASSWORD)
    assert not (folder / "sencodesk.db.lock").exists() or \
        (folder / "sencodesk.db.lock").read_bytes() == b""  # never opened


def test_a_case_file_on_this_computer_s_disk_opens(tmp_path: Path,
                                                   _empty_school: Path) -> None:
    assert network_drive.network_kind(tmp_path) is None  # read from the real mount table
    folder = tmp_path / "data"
    shutil.copytree(_empty_school, folder)
    accounts.sign_in(folder, "senco", PASSWORD).close()


def test_a_folder_on_a_share_that_signs_in_to_the_server_is_not_refused(
        share: Path, pg_cluster: Cluster, _pg_empty_school: tuple[str, Path]) -> None:
    """Server mode is the answer the refusal names: a computer whose data folder (only the
    server's address and audit anchors) is on a share still signs in to the server, and no
    lock file is made beside it (only a local case file has one)."""
    folder = share / "data"
    name, template = _pg_empty_school
    copy = pg_school.copy_of(pg_cluster, name, template, folder)
    try:
        desk = pg_school.sign_in(folder)
        try:
            assert "postgresql" in desk.db.where
            assert not list(folder.glob("*.lock"))
        finally:
            desk.close()
    finally:
        pg_cluster.drop_database(copy)
