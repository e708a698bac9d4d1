"""Saving and opening project files (``.cmpproj``) safely.

A project file is a zip archive of JSON members (see docs/project-format.md):
``manifest.json`` (format name and version, per-member sha256), ``project.json``
(everything in :class:`Project` except the two frameworks), ``standard.json`` and
``curriculum.json`` (the whole frameworks, so the project opens without its source
files).

Saving never leaves a half-written project behind: the file is built in memory,
written beside the target (:mod:`compare_app.atomic`: mode and symbolic link kept),
flushed, fsync'ed, read back, compared and loaded again, the previous file is copied
to ``<name>.bak``, and only then does ``os.replace`` swap the new file in.  A crash, a
kill or a full disk at any moment leaves either the old or the new file, never a mix.

Saving never overwrites a colleague's work either (optimistic concurrency): a
:class:`Baseline` remembers the file as this session read or last wrote it, and a save
given that baseline raises :class:`SaveConflict` when the file has changed since.  The
caller then offers to merge (:func:`merge_with_file`, see :mod:`.merge`) or to save a
copy.  The check and the replace happen under a short-lived lock file, so two saves
cannot interleave.

Opening treats the file as hostile: anything wrong becomes an :class:`InputError`
naming the file and the problem.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import platform
import stat
import time
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import Any, Iterator

from .. import __version__, atomic
from ..alignment import now_iso
from ..errors import InputError, unreadable
from ..importers import skolverket_xml
from ..model import Framework, sha256_file
from . import merge, migrations
from .migrations import CURRICULUM, FORMAT_NAME, FORMAT_VERSION, MANIFEST, PROJECT, STANDARD
from .model import Project
from .serialize import DecodeContext, ShapeError, decode, decode_fields, encode, encode_fields

EXTENSION = ".cmpproj"
BACKUP_SUFFIX = ".bak"

#: Limits for reading a project file. The whole national catalog embedded is about
#: 1.5 MB on disk and 12 MB of JSON, so these leave ample room while stopping bombs.
MAX_FILE_BYTES = 128 * 1024 * 1024
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 128 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_MEMBERS = 64
#: JSON parsing builds Python objects far larger than their text ("[]," is 3 bytes, a list
#: 56), so the number of containers and of commas in a member is bounded before parsing
#: (counted outside strings: a text full of brackets builds no containers).
#: The whole catalog has about 68,000 containers and 182,000 commas.
MAX_JSON_CONTAINERS = 1_500_000
MAX_JSON_COMMAS = 4_000_000
#: Honest JSON compresses about 5-15x; far higher ratios on large members mean a bomb.
MAX_RATIO = 200
RATIO_CHECK_FROM = 4 * 1024 * 1024

#: A lock file older than this was left by a program that stopped mid-save.
LOCK_STALE_SECONDS = 30
#: A save waits this long for another save of the same file to finish: past the stale age, so a
#: lock left by a crash (which Windows cannot tell from a live one) is taken over, not reported.
LOCK_WAIT_SECONDS = LOCK_STALE_SECONDS + 5
#: Files a folder source may hold before checking it on open is given up (a source path
#: such as "/" must not make opening a project hash the whole disk).
MAX_SOURCE_FOLDER_FILES = 5_000

_COMPRESSLEVEL = 1  # deflate level: 1 is several times faster than 6 and only ~25% larger
_CHUNK = 1024 * 1024
_STALE_TEMP_SECONDS = 600
_NOT_SAVED = "projektet sparades inte (den tidigare filen är orörd)"

_FRAMEWORKS = ("standard", "curriculum")
_ITEM_REFS = "item_refs"


@dataclass(frozen=True)
class Baseline:
    """A project file as this session last read or wrote it: what the next save compares with
    (its digest) and merges from (its bytes, the common ancestor of both versions)."""

    digest: str
    data: bytes = field(repr=False)

    @classmethod
    def of(cls, data: bytes) -> "Baseline":
        return cls(hashlib.sha256(data).hexdigest(), data)


class SaveConflict(InputError):
    """The project file changed since it was opened: someone else saved it. Nothing was written."""

    def __init__(self, path: str | Path):
        super().__init__(path, "filen har ändrats av någon annan sedan du öppnade den; den skrevs inte över. "
                               "Slå ihop besluten eller spara som en kopia")


@dataclass
class LoadedProject:
    project: Project
    read_only: bool = False
    #: source files whose content differs from what the project embeds
    changed_sources: list[str] = field(default_factory=list)
    #: source files no longer at their stored path (the project still opens: it embeds them)
    missing_sources: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    path: str = ""
    #: the format version the file was written in (older ones were migrated on load)
    format_version: int = FORMAT_VERSION
    #: the file as read: pass it to :func:`save` so a colleague's save in between is noticed
    baseline: Baseline | None = None


@dataclass
class FileInfo:
    """What reading a project file found besides the project itself."""

    manifest: dict[str, Any]
    format_version: int
    warnings: list[str]
    baseline: Baseline | None = None


# --- public API ------------------------------------------------------------------------

def save(project: Project, path: str | Path, baseline: Baseline | None = None) -> Baseline:
    """Save ``project`` to ``path`` atomically, keeping the previous file as ``<name>.bak``.

    With a ``baseline`` (from :func:`load` or the previous save) the file must still be
    what that baseline saw, else :class:`SaveConflict` is raised and nothing is written.
    Without one the caller vouches that overwriting is wanted (a new file, or "Spara
    som" onto a file the person chose to replace).  Returns the new baseline.

    On success the project's recovery file (unsaved work) is removed.  Raises
    :class:`InputError` (and leaves any existing file untouched) when the file is
    read-only, the disk is full or the location cannot be written.
    """
    path = Path(path)
    written = write_project_file(project, path, backup=True, baseline=baseline)
    from . import recovery

    recovery.clear(project.id)
    return written


def merge_with_file(project: Project, path: str | Path, baseline: Baseline) -> merge.MergeResult:
    """Merge the decisions in ``project`` with the version someone else saved to ``path``.

    ``baseline`` is the version both started from.  The merged project is a new
    object; the result's ``baseline`` is the file as merged with, so saving the merged
    project with it succeeds unless yet another save came in between.
    """
    path = Path(path)
    data = _read_file(path)
    theirs, _info = project_from_bytes(path, data)
    base, _ = project_from_bytes(path, baseline.data)
    return merge.merge3(base, project, theirs, Baseline.of(data))


def load(path: str | Path) -> LoadedProject:
    """Open a project file; raises :class:`InputError` for anything wrong with it."""
    path = Path(path)
    project, info = read_project_file(path)
    changed, missing, source_warnings = check_sources(project, path.parent)
    warnings = list(info.warnings) + source_warnings + consistency_warnings(project)
    read_only = is_read_only(path)
    if read_only:
        warnings.append("filen är skrivskyddad och öppnas endast för läsning; spara under ett annat namn")
    return LoadedProject(project, read_only, changed, missing, warnings, str(path), info.format_version, info.baseline)


def consistency_warnings(project: Project) -> list[str]:
    """Parts of a well-formed file that do not fit together (an edited or damaged file)."""
    out = []
    package = project.scope.package
    if package and not project.scope.courses and package not in project.curriculum.packages:
        out.append(f"projektets urval '{package}' finns inte i kursplanen; välj urval på nytt")
    orphans = [rid for rid in project.reviews if project.standard.get(rid) is None]
    if orphans:
        out.append(f"{len(orphans)} beslut gäller krav som inte finns i standarden (t.ex. {orphans[0]!r:.60}); de behålls")
    return out


def backup_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def is_read_only(path: Path) -> bool:
    """True when ``path`` exists and may not be written (read-only attribute or no permission)."""
    try:
        st = path.stat()
    except OSError:
        return False
    return not (st.st_mode & stat.S_IWUSR) or not os.access(path, os.W_OK)


# --- writing ---------------------------------------------------------------------------

def write_project_file(project: Project, path: Path, *, backup: bool, extra_manifest: dict | None = None,
                       baseline: Baseline | None = None, reload: bool = True) -> Baseline:
    """Serialise ``project`` and write it to ``path`` atomically (used by save and autosave).

    ``reload``: decode what was written before it replaces anything (a save; autosave, which
    runs every minute on the GUI thread and never replaces the person's file, skips it)."""
    if path.is_dir():
        raise InputError(path, "är en mapp, inte en projektfil")
    if path.exists() and is_read_only(path):
        raise InputError(path, "filen är skrivskyddad och sparades inte; spara under ett annat namn")
    try:
        data = to_bytes(project, extra_manifest)
    except (TypeError, ValueError) as exc:  # a value JSON cannot hold (NaN, infinity)
        raise InputError(path, f"projektet innehåller ett värde som inte kan sparas ({_brief(exc)}); {_NOT_SAVED}") from None
    with _save_lock(atomic.real_target(path)):
        if baseline is not None:
            _check_unchanged(path, baseline)
        _write_checked(path, data, backup=backup, reload=reload)
    return Baseline.of(data)


def to_bytes(project: Project, extra_manifest: dict | None = None) -> bytes:
    """The complete project file as bytes (a zip of JSON members)."""
    members = {
        PROJECT: _dumps(encode_fields(project, exclude=_FRAMEWORKS)),
        STANDARD: _dumps(_encode_framework(project.standard)),
        CURRICULUM: _dumps(_encode_framework(project.curriculum)),
    }
    manifest = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "saved_at": now_iso(),
        "project_id": project.id,
        "title": project.title,
        "members": {name: {"sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for name, b in members.items()},
    }
    manifest.update(extra_manifest or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=_COMPRESSLEVEL) as zf:
        zf.writestr(MANIFEST, _dumps(manifest))
        for name, body in members.items():
            zf.writestr(name, body)
    return buf.getvalue()


def _dumps(value: Any) -> bytes:
    # ASCII output keeps any string (even a lone surrogate from a pasted text) writable.
    return json.dumps(value, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode("ascii")


def _encode_framework(fw: Framework) -> dict[str, Any]:
    """Encode a framework, storing a course's items as ids when they are the framework's own items.

    A curriculum lists every item twice (``items`` and each ``course.items``); writing
    references halves the file and restores the shared objects on load.
    """
    out = encode_fields(fw, exclude=("courses",))
    index = {it.id: it for it in fw.items}
    courses = {}
    for code, course in fw.courses.items():
        if not isinstance(code, str):
            raise TypeError("course codes must be str")
        if course.items and all(index.get(it.id) is it for it in course.items):
            enc = encode_fields(course, exclude=("items",))
            enc[_ITEM_REFS] = [it.id for it in course.items]
        else:
            enc = encode(course)
        courses[code] = enc
    out["courses"] = courses
    return out


def _write_checked(path: Path, data: bytes, *, backup: bool, reload: bool) -> None:
    """Write ``data`` atomically; the written file is read back (and with ``reload`` must load)
    before it replaces anything."""

    def check(tmp: Path) -> None:
        try:
            back = tmp.read_bytes()
        except OSError as exc:
            raise atomic.write_error(path, exc, _NOT_SAVED) from None
        if back != data:
            raise InputError(path, "det sparade innehållet blev inte detsamma som det skrivna (disken eller nätverket?); "
                                   "den tidigare filen är orörd")
        if not reload:
            return
        try:
            project_from_bytes(path, back)
        except InputError as exc:
            raise InputError(path, f"projektet sparades inte: det skrivna gick inte att läsa tillbaka ({exc.problem}); "
                                   "den tidigare filen är orörd") from None

    def keep_backup() -> None:
        if backup and path.exists():
            _copy_backup(path)

    atomic.write_bytes(path, data, check=check, before_replace=keep_backup, make_folder=False, what=_NOT_SAVED)
    _remove_stale_temps(atomic.real_target(path))


def _copy_backup(path: Path) -> None:
    """Copy the current file to ``<name>.bak`` (atomically, so a crash never leaves half a backup)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise atomic.write_error(path, exc, "kunde inte läsa den tidigare filen för säkerhetskopian; " + _NOT_SAVED) from None
    atomic.write_bytes(backup_path(path), data, mode_of=path, what=_NOT_SAVED)


@contextmanager
def _save_lock(path: Path) -> Iterator[None]:
    """Only one save of a file at a time, across windows, processes and machines sharing a drive.

    The lock is a file created exclusively beside the project (``O_EXCL`` works on local
    disks and SMB shares alike) and held only for the check-and-replace, a second or
    less. It names its owner (host and process), so a lock left by a program that was
    killed on this computer is taken over at once; any other after :data:`LOCK_STALE_SECONDS`.
    """
    lock = path.with_name(f".{path.name}.lock")
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY
    acquired = False
    while True:
        try:
            fd = os.open(lock, flags, 0o666)
            acquired = True
            try:
                os.write(fd, _lock_owner().encode("utf-8"))
            finally:
                os.close(fd)
            break
        except FileExistsError:
            if _is_stale(lock):
                atomic.remove_quietly(lock)
                continue
            if time.monotonic() > deadline:
                raise InputError(path, "någon annan sparar projektet just nu; försök igen om en stund") from None
            time.sleep(0.02)
        except OSError:
            break  # a folder that allows no new files: the save itself will say why it fails
    try:
        yield
    finally:
        if acquired:  # never remove a lock another saver holds
            atomic.remove_quietly(lock)


def _lock_owner() -> str:
    return f"{platform.node()} {os.getpid()}"


def _is_stale(lock: Path) -> bool:
    """True for a lock whose program has stopped (same computer) or that is too old to be live."""
    try:
        if time.time() - lock.stat().st_mtime > LOCK_STALE_SECONDS:
            return True
        host, _, pid = lock.read_text(encoding="utf-8", errors="replace").rpartition(" ")
    except OSError:
        return False
    return host == platform.node() and pid.isdigit() and not _process_alive(int(pid))


def _process_alive(pid: int) -> bool:
    """Whether a process runs on this computer; on Windows (no signal 0) assumed alive until stale."""
    if pid == os.getpid() or os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _check_unchanged(path: Path, baseline: Baseline) -> None:
    """Raise :class:`SaveConflict` when the file is no longer what this session read or wrote."""
    try:
        current = sha256_file(path)
    except FileNotFoundError:
        return  # removed meanwhile: saving loses nobody's work
    except OSError as exc:
        raise InputError(path, f"kunde inte kontrollera om filen har ändrats ({exc.strerror or exc}); {_NOT_SAVED}") from None
    if current != baseline.digest:
        raise SaveConflict(path)


def _remove_stale_temps(path: Path) -> None:
    """Remove temporary files a killed save left beside ``path`` (older than a few minutes)."""
    cutoff = time.time() - _STALE_TEMP_SECONDS
    try:
        for tmp in path.parent.glob(atomic.temp_pattern(path)):
            if tmp.stat().st_mtime < cutoff:
                tmp.unlink()
    except OSError:
        pass

# --- reading ---------------------------------------------------------------------------

def read_project_file(path: Path) -> tuple[Project, FileInfo]:
    """Read, migrate and decode a project file; every problem is an :class:`InputError`."""
    return project_from_bytes(path, _read_file(path))


def project_from_bytes(path: Path, data: bytes) -> tuple[Project, FileInfo]:
    """Decode the bytes of a project file (``path`` names it in messages)."""
    zf = _open_zip(path, data)
    with zf:
        version, manifest, doc = _read_document(path, zf)
    warnings: list[str] = []
    if version < FORMAT_VERSION:
        try:
            doc = migrations.migrate(doc, version)
        except migrations.MigrationError as exc:
            raise InputError(path, f"projektfilen i formatversion {version} kunde inte uppgraderas: {exc}") from None
        warnings.append(f"projektfilen var i formatversion {version} och har uppgraderats; "
                        f"den skrivs i version {FORMAT_VERSION} nästa gång du sparar")
    ctx = DecodeContext()
    project = _decode_project(path, doc, ctx)
    warnings.extend(ctx.warnings())
    return project, FileInfo(manifest, version, warnings, Baseline.of(data))


def read_manifest(path: Path) -> dict[str, Any]:
    """Only the manifest of a project file (cheap: used to list recovery files)."""
    data = _read_file(path)
    with _open_zip(path, data) as zf:
        if MANIFEST not in zf.namelist():
            raise InputError(path, "projektfilen saknar manifest.json")
        manifest = _parse_json(path, MANIFEST, _read_member(path, zf, MANIFEST, MAX_MANIFEST_BYTES))
    _check_manifest(path, manifest)
    return manifest


def _read_file(path: Path) -> bytes:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(path, "filen finns inte") from None
    except OSError as exc:
        raise InputError(path, unreadable(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(path, "är en mapp, inte en projektfil")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(path, "är ingen vanlig fil")
    if st.st_size > MAX_FILE_BYTES:
        raise InputError(path, f"filen är för stor för en projektfil ({st.st_size // 2**20} MB, gränsen är "
                               f"{MAX_FILE_BYTES // 2**20} MB)")
    try:
        with open(path, "rb") as fh:
            data = fh.read(st.st_size + 1)  # read(n) reserves n bytes: never ask for the limit itself
    except OSError as exc:
        raise InputError(path, unreadable(exc)) from None
    if not data:
        raise InputError(path, "filen är tom")
    if len(data) > min(MAX_FILE_BYTES, st.st_size):
        raise InputError(path, "filen växte medan den lästes; försök igen")
    return data


def _open_zip(path: Path, data: bytes) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except Exception as exc:  # zipfile raises many types on garbage (BadZipFile, ValueError, OverflowError...)
        raise InputError(path, f"är ingen projektfil eller är skadad (inte ett giltigt zip-arkiv: {_brief(exc)})") from None
    if len(infos) > MAX_MEMBERS:
        zf.close()
        raise InputError(path, f"är ingen projektfil (arkivet har {len(infos)} delar)")
    return zf


def _read_document(path: Path, zf: zipfile.ZipFile) -> tuple[int, dict[str, Any], dict[str, Any]]:
    names = set(zf.namelist())
    if MANIFEST in names:
        manifest = _parse_json(path, MANIFEST, _read_member(path, zf, MANIFEST, MAX_MANIFEST_BYTES))
        version = _check_manifest(path, manifest)
    elif PROJECT in names:
        # Version 0 had no manifest: its version is inside project.json.
        manifest = {}
        version = 0
    else:
        raise InputError(path, "är ingen projektfil (manifest.json saknas)")
    wanted = migrations.MEMBERS[version]
    missing = [m for m in wanted if m not in names]
    if missing:
        raise InputError(path, f"projektfilen är ofullständig (saknar {', '.join(missing)})")
    _check_sizes(path, zf, wanted)
    checksums = manifest.get("members") if isinstance(manifest.get("members"), dict) else {}
    doc: dict[str, Any] = {MANIFEST: manifest} if MANIFEST in wanted else {}
    for name in wanted:
        if name == MANIFEST:
            continue
        raw = _read_member(path, zf, name, MAX_MEMBER_BYTES)
        _check_checksum(path, name, raw, checksums.get(name))
        doc[name] = _parse_json(path, name, raw)
    if version == 0:
        _check_version_zero(path, doc[PROJECT])
    return version, manifest, doc


def _check_manifest(path: Path, manifest: Any) -> int:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise InputError(path, "är ingen projektfil för det här programmet")
    version = manifest.get("format_version")
    if type(version) is not int or version < 0:
        raise InputError(path, f"projektfilen har en ogiltig formatversion ({version!r:.40})")
    if version > FORMAT_VERSION:
        raise InputError(path, f"projektfilen är skapad med en nyare version av programmet (formatversion {version}, "
                               f"den här versionen läser till och med {FORMAT_VERSION}); uppdatera programmet")
    if version not in migrations.MEMBERS:
        raise InputError(path, f"okänd formatversion {version}")
    return version


def _check_version_zero(path: Path, project_json: Any) -> None:
    if not isinstance(project_json, dict) or project_json.get("format_version") != 0:
        raise InputError(path, "är ingen projektfil för det här programmet (manifest.json saknas)")


def _check_sizes(path: Path, zf: zipfile.ZipFile, names: tuple[str, ...]) -> None:
    total = 0
    for name in names:
        info = zf.getinfo(name)
        if info.file_size > MAX_MEMBER_BYTES:
            raise InputError(path, f"{name} är för stor uppackad ({info.file_size // 2**20} MB)")
        if info.file_size > RATIO_CHECK_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(path, f"{name} packas upp orimligt mycket (misstänkt zip-bomb)")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise InputError(path, f"projektfilen är för stor uppackad ({total // 2**20} MB)")


def _read_member(path: Path, zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    try:
        with zf.open(name) as fh:
            raw = fh.read(limit + 1)
    except Exception as exc:  # CRC errors, bad compression, encryption, truncation
        raise InputError(path, f"projektfilen är skadad ({name}: {_brief(exc)})") from None
    if len(raw) > limit:
        raise InputError(path, f"{name} är för stor uppackad")
    return raw


def _check_checksum(path: Path, name: str, raw: bytes, expected: Any) -> None:
    if not isinstance(expected, dict) or "sha256" not in expected:
        return
    if hashlib.sha256(raw).hexdigest() != expected["sha256"]:
        raise InputError(path, f"projektfilen är skadad ({name} stämmer inte med sin kontrollsumma)")


def _parse_json(path: Path, name: str, raw: bytes) -> Any:
    _check_json_budget(path, name, raw)
    try:
        return json.loads(raw, parse_constant=_refuse_constant)
    except RecursionError:
        raise InputError(path, f"projektfilen är skadad ({name} är för djupt nästlad)") from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, too many digits
        raise InputError(path, f"projektfilen är skadad ({name} är inte giltig JSON: {_brief(exc)})") from None


def _check_json_budget(path: Path, name: str, raw: bytes) -> None:
    """Refuse JSON that would build an absurd number of objects; brackets and commas inside strings do not count."""
    if raw.count(b"{") + raw.count(b"[") <= MAX_JSON_CONTAINERS and raw.count(b",") <= MAX_JSON_COMMAS:
        return  # the quick count over-estimates: under the limits, nothing more to check
    containers, commas = structure_counts(raw)
    if containers > MAX_JSON_CONTAINERS or commas > MAX_JSON_COMMAS:
        raise InputError(path, f"{name} innehåller orimligt många delar för en projektfil")


def structure_counts(raw: bytes) -> tuple[int, int]:
    """``{``/``[`` and commas of a JSON text that lie outside its strings.

    Escaped backslashes and quotes are blanked first, so every quote left opens or closes
    a string; a quote-parity running sum (numpy, in chunks: ~0.3 s and ~50 MB for the
    largest member allowed, however many strings) then says which bytes are outside.
    """
    import numpy as np

    data = np.frombuffer(raw.replace(b"\\\\", b"__").replace(b'\\"', b"__"), dtype=np.uint8)
    containers = commas = 0
    inside = 0  # parity of the quotes before the chunk
    for start in range(0, len(data), _CHUNK * 8):
        chunk = data[start : start + _CHUNK * 8]
        parity = (np.cumsum(chunk == ord('"'), dtype=np.uint8) + inside) & 1  # uint8 wraps: parity survives
        outside = parity == 0
        containers += int(np.count_nonzero(((chunk == ord("[")) | (chunk == ord("{"))) & outside))
        commas += int(np.count_nonzero((chunk == ord(",")) & outside))
        inside = int(parity[-1])
    return containers, commas


def _refuse_constant(name: str) -> Any:
    """``NaN`` and ``Infinity`` are not JSON and no score or number of points can be one."""
    raise ValueError(f"{name} är inget giltigt tal")


def _decode_project(path: Path, doc: dict[str, Any], ctx: DecodeContext) -> Project:
    try:
        standard = _decode_framework(doc[STANDARD], ctx)
    except ShapeError as exc:
        raise InputError(path, f"projektfilen har fel innehåll ({exc.located('standard')})") from None
    try:
        curriculum = _decode_framework(doc[CURRICULUM], ctx)
    except ShapeError as exc:
        raise InputError(path, f"projektfilen har fel innehåll ({exc.located('curriculum')})") from None
    try:
        fields = decode_fields(Project, doc[PROJECT], ctx, exclude=_FRAMEWORKS)
        return Project(standard=standard, curriculum=curriculum, **fields)
    except ShapeError as exc:
        raise InputError(path, f"projektfilen har fel innehåll ({exc.located('project')})") from None
    except (TypeError, ValueError) as exc:
        raise InputError(path, f"projektfilen har fel innehåll ({_brief(exc)})") from None


def _decode_framework(value: Any, ctx: DecodeContext) -> Framework:
    refs = _pop_item_refs(value)
    fw = decode(Framework, value, ctx)
    if refs:
        index = {it.id: it for it in fw.items}
        for code, ids in refs.items():
            course = fw.courses.get(code)
            if course is None:
                continue
            try:
                course.items = [index[i] for i in ids]
            except KeyError as exc:
                err = ShapeError(f"kursen hänvisar till ett moment som saknas: {exc.args[0]!r:.60}")
                err.where.append(f".courses[{code!r:.60}]")
                raise err from None
    return fw


def _pop_item_refs(value: Any) -> dict[str, list[str]]:
    """Take the ``item_refs`` out of each course object (they are resolved after decoding)."""
    if not isinstance(value, dict) or not isinstance(value.get("courses"), dict):
        return {}
    refs: dict[str, list[str]] = {}
    for code, course in value["courses"].items():
        if isinstance(course, dict) and _ITEM_REFS in course:
            ids = course.pop(_ITEM_REFS)
            if not isinstance(ids, list) or not all(type(i) is str for i in ids):
                err = ShapeError(f"{_ITEM_REFS} ska vara en lista med text")
                err.where.append(f".courses[{code!r:.60}]")
                raise err
            course.setdefault("items", [])
            refs[code] = ids
    return refs


def _brief(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."


# --- sources ---------------------------------------------------------------------------

def check_sources(project: Project, base: Path) -> tuple[list[str], list[str], list[str]]:
    """Compare the sources the project embeds with the files at their stored paths.

    Returns ``(changed, missing, warnings)``.  Relative paths are tried against the
    project file's folder too.  Only regular files and Skolverket XML folders are read;
    anything else (a device, a pipe) is never opened, so a hostile path cannot hang us.
    A network path (``\\\\host\\share``) is never touched (opening a received project must
    not make the computer contact a host the file names), and a folder is checked only
    while it holds at most :data:`MAX_SOURCE_FOLDER_FILES` entries (a path such as ``/``).
    """
    changed: list[str] = []
    missing: list[str] = []
    warnings: list[str] = []
    seen: set[tuple[str, str]] = set()
    for src in project.standard.sources + project.curriculum.sources:
        if not src.path or (src.path, src.sha256) in seen:
            continue
        seen.add((src.path, src.sha256))
        if _is_network_path(src.path):
            warnings.append(f"källan {src.path} ligger på en nätverksdelning och kontrolleras inte när projektet öppnas")
            continue
        where = _locate(src.path, base)
        if where is None:
            missing.append(src.path)
            continue
        try:
            digest = _source_digest(where, src.format)
        except OSError as exc:
            warnings.append(f"källan {src.path} kunde inte kontrolleras ({exc.strerror or exc})")
            continue
        except InputError as exc:
            warnings.append(f"källan {src.path} kontrollerades inte ({exc.problem})")
            continue
        if digest is not None and digest != src.sha256:
            changed.append(src.path)
    return changed, missing, warnings


def _is_network_path(stored: str) -> bool:
    """``\\\\host\\share\\…`` or ``//host/share/…``: a UNC path, on any platform."""
    return stored.startswith(("\\\\", "//")) or PureWindowsPath(stored).drive.startswith("\\\\")


def _locate(stored: str, base: Path) -> Path | None:
    """The source file: at its stored path, relative to the project's folder, or beside the project
    (a project moved or shared together with its files; Windows or POSIX separators alike)."""
    from pathlib import PureWindowsPath

    candidates = [Path(stored)]
    if not Path(stored).is_absolute():
        candidates.append(base / stored)
    candidates.append(base / PureWindowsPath(stored).name)
    for p in candidates:
        try:
            if p.exists():
                return p
        except (OSError, ValueError):
            continue
    return None


def _source_digest(path: Path, fmt: str) -> str | None:
    if path.is_file():
        return sha256_file(path)
    if path.is_dir() and fmt == skolverket_xml.FOLDER_FORMAT:
        files = skolverket_xml.folder_files(path, limit=MAX_SOURCE_FOLDER_FILES)
        return skolverket_xml.folder_digest([sha256_file(f) for f in files])
    return None



