"""PDF from a Word document through LibreOffice, where it is installed (never required).

LibreOffice is found on the PATH or in its usual install folders on Windows and macOS. It
runs headless with a throw-away user profile, so a LibreOffice the user has open is not
disturbed and no recent-documents list keeps the file's name.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

#: seconds a conversion may take (the first start of LibreOffice is the slow part)
TIMEOUT = 120


class PdfUnavailable(Exception):
    """No PDF was made; the message says why (in Swedish)."""


def find_soffice() -> Path | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    for candidate in _install_folders():
        if candidate.is_file():
            return candidate
    return None


def _install_folders() -> list[Path]:
    if sys.platform == "win32":
        roots = [os.environ.get(v) for v in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")]
        return [Path(r) / "LibreOffice" / "program" / "soffice.exe" for r in roots if r]
    if sys.platform == "darwin":
        return [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")]
    return []


def to_pdf(docx: str | Path, pdf: str | Path | None = None, soffice: Path | None = None) -> Path:
    """Convert ``docx`` to ``pdf`` (default: beside it); raises :class:`PdfUnavailable`."""
    docx = Path(docx)
    pdf = Path(pdf) if pdf else docx.with_suffix(".pdf")
    soffice = soffice or find_soffice()
    if soffice is None:
        raise PdfUnavailable("LibreOffice hittades inte; ingen PDF skrevs (Word-dokumentet finns)")
    with tempfile.TemporaryDirectory(prefix="compare-app-pdf-") as tmp:
        work = Path(tmp)
        profile = (work / "profile").as_uri()
        command = [str(soffice), f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(work), str(docx)]
        try:
            subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise PdfUnavailable(f"LibreOffice svarade inte inom {TIMEOUT} sekunder; ingen PDF skrevs") from None
        except OSError as exc:
            raise PdfUnavailable(f"LibreOffice kunde inte startas ({exc.strerror or exc}); ingen PDF skrevs") from None
        made = work / (docx.stem + ".pdf")
        if not made.is_file():
            raise PdfUnavailable("LibreOffice kunde inte göra en PDF av dokumentet")
        pdf.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(made), str(pdf))
    return pdf
